namespace Safedrop.Api.Caches;

/// <summary>The PIN or session cache could not be reached; the API answers 503 with a retry hint.</summary>
public sealed class CacheUnavailableException : Exception
{
    public CacheUnavailableException() { }

    public CacheUnavailableException(string message) : base(message) { }

    public CacheUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
