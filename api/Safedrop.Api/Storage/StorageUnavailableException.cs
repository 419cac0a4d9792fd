namespace Safedrop.Api.Storage;

/// <summary>Object storage could not be reached or refused the request; nothing was changed by the failed call.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
