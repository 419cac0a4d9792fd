using Safedrop.Testing;

namespace Safedrop.Portal.Tests.Browser;

/// <summary>
/// Full-page screenshots of each page state, kept as test artifacts under <c>artifacts/portal-screenshots/</c>
/// at the repository root (gitignored), so that a person can look at what the tests saw.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "portal-screenshots");

    public static string PathFor(string name) => Path.Combine(Folder, name + ".png");
}
