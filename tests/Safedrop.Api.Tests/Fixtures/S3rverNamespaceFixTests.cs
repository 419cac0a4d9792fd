using Safedrop.Testing;

namespace Safedrop.Api.Tests.Fixtures;

public sealed class S3rverNamespaceFixTests : IDisposable
{
    private const string Controller = "ctx.body = { ListBucketResult: { '@': { xmlns: 'http://doc.s3.amazonaws.com/2006-03-01/' } } };";
    private readonly DirectoryInfo module = Directory.CreateTempSubdirectory("safedrop-s3rver-fix-");

    private string ControllerFile => Path.Combine(module.FullName, "lib", "controllers", "bucket.js");

    private readonly S3Server s3;

    public S3rverNamespaceFixTests(S3Server s3)
    {
        this.s3 = s3;
        Directory.CreateDirectory(Path.GetDirectoryName(ControllerFile)!);
        File.WriteAllText(ControllerFile, Controller);
    }

    [Fact]
    public void Should_Write_The_S3_Namespace_When_A_Controller_Has_The_Wrong_One()
    {
        var changed = S3rverNamespaceFix.Apply(module.FullName);

        Assert.Equal(1, changed);
        Assert.Equal(
            "ctx.body = { ListBucketResult: { '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } } };",
            File.ReadAllText(ControllerFile));
    }

    [Fact]
    public void Should_Change_Nothing_When_Applied_A_Second_Time()
    {
        S3rverNamespaceFix.Apply(module.FullName);
        var fixedText = File.ReadAllText(ControllerFile);

        var changed = S3rverNamespaceFix.Apply(module.FullName);

        Assert.Equal(0, changed);
        Assert.Equal(fixedText, File.ReadAllText(ControllerFile));
    }

    [Fact]
    public void Should_Have_Fixed_The_Installed_Module_When_The_S3_Server_Started()
    {
        Assert.SkipWhen(s3.IsExternal, "The tests use an external S3 endpoint, not s3rver.");
        _ = s3.Endpoint; // skips, or fails under CI, when s3rver is not installed
        var controllers = Directory.GetFiles(Path.Combine(S3Server.S3rverModuleDirectory, "lib", "controllers"), "*.js");

        Assert.NotEmpty(controllers);
        Assert.All(controllers, file => Assert.DoesNotContain(S3rverNamespaceFix.WrongNamespace, File.ReadAllText(file), StringComparison.Ordinal));
    }

    public void Dispose() => module.Delete(recursive: true);
}
