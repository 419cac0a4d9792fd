using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// A validated path inside a Workspace: '/'-separated segments, case preserved for display but compared
/// case-insensitively (<see cref="Key"/>, invariant upper case), so "Report.pdf" and "report.pdf" are one entry.
/// The root is the path with no segments. Unicode normalisation (NFC) is not applied: the API runs with invariant
/// globalization, which cannot normalise, so "é" composed and decomposed are two names.
/// </summary>
public sealed class WorkspacePath : IEquatable<WorkspacePath>
{
    public const int MaxSegmentLength = 255;
    public const int MaxLength = 1024;
    public const int MaxDepth = 32;

    public static WorkspacePath Root { get; } = new([]);

    private WorkspacePath(IReadOnlyList<string> segments)
    {
        Segments = segments;
        Value = string.Join('/', segments);
        Key = Value.ToUpperInvariant();
    }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>The path as the user wrote it (after normalisation), without leading or trailing '/'; empty for the root.</summary>
    public string Value { get; }

    /// <summary>The case-insensitive identity of the path.</summary>
    public string Key { get; }

    public bool IsRoot => Segments.Count == 0;

    public string Name => IsRoot ? "" : Segments[^1];

    public WorkspacePath Parent => IsRoot ? this : new([.. Segments.Take(Segments.Count - 1)]);

    public WorkspacePath Child(string name) => new([.. Segments, name]);

    /// <summary>This path with <paramref name="ancestor"/> at its start replaced by <paramref name="replacement"/>.</summary>
    public WorkspacePath Rebase(WorkspacePath ancestor, WorkspacePath replacement)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        ArgumentNullException.ThrowIfNull(replacement);
        return new([.. replacement.Segments, .. Segments.Skip(ancestor.Segments.Count)]);
    }

    /// <summary>The part of this path below <paramref name="ancestor"/> (which it must be within); "" for the ancestor itself.</summary>
    public string RelativeTo(WorkspacePath ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        if (!IsWithin(ancestor)) throw new ArgumentException($"'{this}' is not within '{ancestor}'.", nameof(ancestor));
        return string.Join('/', Segments.Skip(ancestor.Segments.Count));
    }

    /// <summary>
    /// <paramref name="relative"/> below this folder, checked as a whole path (so the joined path keeps to
    /// <see cref="MaxLength"/> and <see cref="MaxDepth"/>); null with <paramref name="problem"/> when it does not.
    /// </summary>
    public WorkspacePath? Append(WorkspacePath relative, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return Parse(IsRoot ? relative.Value : Value + "/" + relative.Value, out problem);
    }

    /// <summary>True when this is <paramref name="other"/> or lies inside it (compared case-insensitively).</summary>
    public bool IsWithin(WorkspacePath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsRoot || Key == other.Key || Key.StartsWith(other.Key + "/", StringComparison.Ordinal);
    }

    /// <summary>Every ancestor folder from the top down, excluding the root and this path.</summary>
    public IEnumerable<WorkspacePath> Ancestors()
    {
        for (var depth = 1; depth < Segments.Count; depth++)
            yield return new WorkspacePath([.. Segments.Take(depth)]);
    }

    /// <summary>A short, stable object-key segment for this path's identity (object keys allow few characters).</summary>
    public string Hash() => IsRoot ? "root" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)))[..32];

    /// <summary>
    /// Parses a path from a URL or a request body. Null <paramref name="problem"/> means valid. Leading and
    /// trailing '/' are ignored; empty segments, "." and "..", control characters, '\' and over-long paths are refused.
    /// </summary>
    public static WorkspacePath? Parse(string? raw, out string? problem)
    {
        problem = null;
        var trimmed = (raw ?? "").Trim('/');
        if (trimmed.Length == 0) return Root;
        if (trimmed.Length > MaxLength)
        {
            problem = $"The path has {trimmed.Length} characters; at most {MaxLength} are allowed.";
            return null;
        }

        var segments = trimmed.Split('/');
        if (segments.Length > MaxDepth)
        {
            problem = $"The path is {segments.Length} levels deep; at most {MaxDepth} are allowed.";
            return null;
        }

        foreach (var segment in segments)
        {
            problem = SegmentProblem(segment);
            if (problem is not null) return null;
        }

        return new WorkspacePath(segments);
    }

    /// <summary>Null when <paramref name="segment"/> is a valid file or folder name, else why not.</summary>
    public static string? SegmentProblem(string? segment) => segment switch
    {
        null or "" => "The path has an empty segment ('//'); every file and folder needs a name.",
        "." or ".." => $"'{segment}' is not a file or folder name; paths are always from the Workspace's root.",
        { Length: > MaxSegmentLength } => $"A name has {segment.Length} characters; at most {MaxSegmentLength} are allowed.",
        _ when segment.Any(char.IsControl) => "A name contains a control character.",
        // A lone surrogate is not text; it would also hash like U+FFFD and collide with another name.
        _ when !IsWellFormed(segment) => "A name is not well-formed Unicode.",
        _ when segment.Contains('\\', StringComparison.Ordinal) => "A name contains '\\'; separate folders with '/'.",
        _ when segment.Trim().Length != segment.Length => $"'{segment}' starts or ends with white space.",
        _ => null,
    };

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != System.Buffers.OperationStatus.Done) return false;
            i += used;
        }
        return true;
    }

    public bool Equals(WorkspacePath? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as WorkspacePath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => Value;
}
