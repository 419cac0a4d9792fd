namespace Safedrop.Client.Cli;

/// <summary>The command cannot run as given (missing sign-in, bad link, no server): exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
