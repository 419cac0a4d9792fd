namespace Safedrop.Api.Audit;

/// <summary>
/// The stored chain is not one the writer may append to (a segment after the head that does not chain
/// onto it). Appending would bury the evidence, so the log refuses until an operator looks: see
/// <c>GET /v1/admin/audit/verify</c>.
/// </summary>
public sealed class AuditChainException : Exception
{
    public AuditChainException() { }

    public AuditChainException(string message) : base(message) { }

    public AuditChainException(string message, Exception innerException) : base(message, innerException) { }
}
