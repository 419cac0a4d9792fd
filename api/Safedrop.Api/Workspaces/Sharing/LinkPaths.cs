namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Paths inside a Workspace as web links use them: '/'-separated, without leading or trailing '/', empty for
/// the root, compared case-insensitively (as Workspace files are). No Unicode normalisation: the API runs with
/// invariant globalization, as the Workspace file services do. INTERIM: to be replaced by the workspaces
/// helper's <c>WorkspacePath</c> once it is on main.
/// </summary>
public static class LinkPaths
{
    public const int MaxLength = 1024;

    /// <summary>The normalised path, or null with <paramref name="problem"/> saying why it is not one.</summary>
    public static string? Normalize(string? raw, out string? problem)
    {
        problem = null;
        var value = (raw ?? "").Trim('/');
        if (value.Length == 0) return "";
        if (value.Length > MaxLength) problem = $"The path has {value.Length} characters; at most {MaxLength} are allowed.";
        else if (value.Split('/').Any(s => s is "" or "." or ".." || s.Any(char.IsControl) || s.Contains('\\', StringComparison.Ordinal)))
            problem = "Every segment needs a name; '.', '..', '\\' and control characters are not allowed.";
        return problem is null ? value : null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="scope"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string scope) =>
        scope.Length == 0
        || string.Equals(path, scope, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(scope + "/", StringComparison.OrdinalIgnoreCase);

    public static string Combine(string scope, string relative) =>
        scope.Length == 0 ? relative : relative.Length == 0 ? scope : scope + "/" + relative;

    /// <summary>The part of <paramref name="path"/> below <paramref name="scope"/> (which it must be within).</summary>
    public static string Relative(string path, string scope) =>
        scope.Length == 0 ? path : path.Length <= scope.Length ? "" : path[(scope.Length + 1)..];
}
