using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Configuration;

/// <summary>
/// Local mode serves one tenant, like an API pod in a cluster: the namespace of the folder's one
/// Organization, or the one the user names when the folder holds several.
/// </summary>
public static class NamespaceSelector
{
    /// <summary>The namespace to serve, or an explanation of why there is none.</summary>
    public static (string? Namespace, string? Error) Select(ManifestSet manifests, string? requested, string folder)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var candidates = manifests.Resources
            .Select(r => r.Resource)
            .OfType<Organization>()
            .Select(o => o.Metadata.NamespaceProperty ?? "default")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var problems = manifests.Problems.Count == 0
            ? ""
            : $" The folder also has {manifests.Problems.Count} problem(s), which may hide an Organization: "
              + string.Join("; ", manifests.Problems.Select(p => p.ToString()));

        if (requested is not null)
        {
            return candidates.Contains(requested, StringComparer.Ordinal)
                ? (requested, null)
                : (null, $"Safedrop:Local:Namespace is '{requested}', but no Organization in {folder} is in that namespace"
                         + (candidates.Count == 0 ? "." : $" (found: {string.Join(", ", candidates)}).") + problems);
        }

        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, $"No Organization found in {folder}: local mode serves the namespace of the folder's Organization." + problems),
            _ => (null, $"{folder} holds Organizations in several namespaces ({string.Join(", ", candidates)}): "
                        + "choose one with --Safedrop:Local:Namespace=<namespace>." + problems),
        };
    }
}
