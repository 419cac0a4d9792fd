using Safedrop.Resources.Model;

namespace Safedrop.Resources.Manifests;

/// <summary>Messages for a kind or apiVersion the reader does not know, with a suggestion for a near miss.</summary>
internal static class KindNames
{
    public static string Known => string.Join(", ", ResourceKinds.All.Select(k => k.Kind));

    public static string UnknownSafedropKind(string kind) =>
        $"unknown kind {kind} in {ResourceKinds.KindInfo.ApiVersion}; known kinds: {Known}{DidYouMean(kind)}";

    public static string UnknownSafedropVersion(string apiVersion) =>
        $"unknown apiVersion {apiVersion}: Safedrop resources are {ResourceKinds.KindInfo.ApiVersion}";

    public static string NotATenantObject(string apiVersion, string kind) =>
        ResourceKinds.Find(kind) is not null
            ? $"{kind} is a Safedrop kind: set apiVersion: {ResourceKinds.KindInfo.ApiVersion} (found {apiVersion})"
            : $"{apiVersion} {kind} does not belong in a tenant folder: it holds {ResourceKinds.KindInfo.ApiVersion} resources ({Known}) and v1 {string.Join(", ", PlainObjects.Kinds)} objects";

    private static string DidYouMean(string kind)
    {
        var closest = ResourceKinds.All
            .Select(k => (k.Kind, Distance: Distance(kind.ToUpperInvariant(), k.Kind.ToUpperInvariant())))
            .MinBy(k => k.Distance);
        return closest.Distance <= 2 ? $" (did you mean {closest.Kind}?)" : "";
    }

    /// <summary>Levenshtein distance: the number of single-letter edits between two words.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }
}
