namespace Safedrop.Testing.Tests.KubeWire;

/// <summary>The recorded exchanges, next to the repository: <c>RepositoryPaths.Root/../shared/kube-wire</c>.</summary>
public static class KubeWireFiles
{
    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "kube-wire"));

    /// <summary>In file order, which is the order of the story they tell.</summary>
    public static IReadOnlyList<HttpExchange> Load()
    {
        if (!Directory.Exists(Folder)) throw new DirectoryNotFoundException("kube-wire recordings not found at " + Folder);
        return [.. Directory.EnumerateFiles(Folder, "*.http")
            .Order(StringComparer.Ordinal)
            .Select(path => HttpExchange.Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))];
    }
}
