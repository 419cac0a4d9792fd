using Safedrop.Resources.Manifests;

namespace Safedrop.Operator.Verbs;

/// <summary>The YAML files of a GitOps folder, found recursively, in a stable order, with paths as a reviewer sees them.</summary>
internal static class ManifestFolder
{
    public static IReadOnlyList<ManifestSource> Read(DirectoryInfo folder) =>
        [.. folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(file => file.Extension is ".yaml" or ".yml")
            .Select(file => (File: file, Path: Path.GetRelativePath(folder.FullName, file.FullName).Replace('\\', '/')))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .Select(file => new ManifestSource(file.Path, File.ReadAllText(file.File.FullName)))];
}
