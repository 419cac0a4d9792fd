namespace Safedrop.Testing;

/// <summary>A test tool the run needs is not installed on this machine.</summary>
public sealed class MissingToolException : Exception
{
    public MissingToolException()
    {
    }

    public MissingToolException(string message)
        : base(message)
    {
    }

    public MissingToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
