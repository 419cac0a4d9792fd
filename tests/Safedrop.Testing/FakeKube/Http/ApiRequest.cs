using Microsoft.AspNetCore.Http;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Storage;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>A resource request after routing: the verb (get, list, watch, create, update, patch, delete) and its target.</summary>
internal sealed record ApiRequest(string Verb, ResourceType Type, string? Namespace, string? Name, string Subresource, HttpContext Http)
{
    public IQueryCollection Query => Http.Request.Query;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public bool QueryFlag(string name) => QueryValue(name) is "1" or "true" or "True";

    public ObjectKey Key => new(Type.Storage, Namespace ?? "", Name ?? "");

    public ObjectKey KeyFor(string name) => new(Type.Storage, Namespace ?? "", name);

    /// <summary>The field manager: the fieldManager parameter, else the User-Agent up to its first '/' (kube's prefixFromUserAgent).</summary>
    public string Manager
    {
        get
        {
            var explicitManager = QueryValue("fieldManager");
            if (!string.IsNullOrEmpty(explicitManager)) return explicitManager;
            var prefix = string.Concat(Http.Request.Headers.UserAgent.ToString().Split('/')[0].Where(c => !char.IsControl(c)));
            return prefix.Length == 0 ? "unknown" : prefix;
        }
    }
}
