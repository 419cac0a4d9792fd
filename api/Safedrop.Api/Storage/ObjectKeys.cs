namespace Safedrop.Api.Storage;

/// <summary>Object keys are built by the API from ids it made; this refuses anything else early.</summary>
public static class ObjectKeys
{
    public static void EnsureValid(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith('/') || key.EndsWith('/') || key.Contains("//", StringComparison.Ordinal))
            throw new ArgumentException($"Object key '{key}' is not a relative path.", nameof(key));
        foreach (var segment in key.Split('/'))
        {
            if (segment is "." or ".." || segment.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '+' or '=')))
                throw new ArgumentException($"Object key '{key}' holds a segment that is not allowed: '{segment}'.", nameof(key));
        }
    }
}
