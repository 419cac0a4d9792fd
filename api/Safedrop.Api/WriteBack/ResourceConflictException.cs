namespace Safedrop.Api.WriteBack;

/// <summary>
/// A write the resources refused: creating a kind and name that exists already, or an update that lost
/// the race against other writers more times than the writer retries.
/// </summary>
public sealed class ResourceConflictException : Exception
{
    public ResourceConflictException()
    {
    }

    public ResourceConflictException(string message)
        : base(message)
    {
    }

    public ResourceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
