using Safedrop.Resources.Schema;

namespace Safedrop.Api.WriteBack;

/// <summary>The changed resource breaks its CRD's schema, so the API server (or local mode's reader) would refuse it: nothing was written.</summary>
public sealed class ResourceInvalidException : Exception
{
    public ResourceInvalidException()
    {
    }

    public ResourceInvalidException(string message)
        : base(message)
    {
    }

    public ResourceInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceInvalidException(string kind, string name, IReadOnlyList<SchemaViolation> violations)
        : base($"{kind} {name} would break its schema: " + string.Join("; ", (violations ?? []).Select(v => $"{v.Path}: {v.Message}")))
    {
        Violations = violations ?? [];
    }

    public IReadOnlyList<SchemaViolation> Violations { get; } = [];
}
