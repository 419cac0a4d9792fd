namespace Safedrop.Resources.Tests;

public class SmokeTests
{
    [Fact]
    public void Should_Find_Repository_Root() => Assert.True(Directory.Exists(Safedrop.Testing.RepositoryPaths.Crds));
}
