using Safedrop.Resources.Manifests;

namespace Safedrop.Operator.Verbs;

/// <summary>The YAML files of a GitOps folder, found recursively, in a stable order, with paths as a reviewer sees them.</summary>
internal static class ManifestFolder
{
    // Hidden entries (.git, .github/workflows/*.yml) are tooling, not tenant configuration.
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    public static IReadOnlyList<ManifestSource> Read(DirectoryInfo folder) =>
        [.. folder.EnumerateFiles("*", Recursive)
            .Where(file => file.Extension.ToUpperInvariant() is ".YAML" or ".YML")
            .Select(file => (File: file, Path: Path.GetRelativePath(folder.FullName, file.FullName).Replace('\\', '/')))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .Select(file => new ManifestSource(file.Path, File.ReadAllText(file.File.FullName)))];
}
