namespace Safedrop.Api.Configuration;

/// <summary>
/// The tenant's custom resources could not be read from the Kubernetes API (unreachable, overloaded, or refusing the
/// API's service account). Answered with 503 and a retry hint: the configuration in force keeps serving everything else.
/// </summary>
public sealed class ResourcesUnavailableException : Exception
{
    public ResourcesUnavailableException() { }

    public ResourcesUnavailableException(string message) : base(message) { }

    public ResourcesUnavailableException(string message, Exception inner) : base(message, inner) { }
}
