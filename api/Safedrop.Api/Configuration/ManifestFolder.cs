using System.Security.Cryptography;
using System.Text;
using Safedrop.Resources.Manifests;

namespace Safedrop.Api.Configuration;

/// <summary>The YAML files of a folder at one moment, and a hash of their names and contents.</summary>
public sealed record FolderSnapshot(IReadOnlyList<ManifestSource> Sources, string ContentHash);

/// <summary>Reads every *.yaml and *.yml under a folder, recursively, in a stable order.</summary>
public sealed class ManifestFolder(string folder)
{
    // Hidden entries are skipped (the default), which also skips editors' lock and swap files such as .#tenant.yaml.
    private static readonly EnumerationOptions Enumeration = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    public string Path { get; } = System.IO.Path.GetFullPath(folder);

    public FolderSnapshot Read()
    {
        var files = Directory.EnumerateFiles(Path, "*", Enumeration)
            .Where(IsYaml)
            .Order(StringComparer.Ordinal)
            .ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sources = new List<ManifestSource>(files.Count);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var display = DisplayPath(file);
            sources.Add(new ManifestSource(display, text));
            hash.AppendData(Encoding.UTF8.GetBytes(display + "\0" + text + "\0"));
        }

        return new FolderSnapshot(sources, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Paths as users typed them: relative to the current directory when the folder is below it.</summary>
    public static string DisplayPath(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? file : relative;
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
