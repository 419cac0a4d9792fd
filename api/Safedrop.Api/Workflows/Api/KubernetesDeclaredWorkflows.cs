using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Api;

/// <summary>
/// Cluster mode's declared workflows: the PersonalWorkflow custom resources of the namespace, read through the
/// Kubernetes API on each request (the API's Role grants get and list on them), status included. Read per request
/// rather than from a watch cache, so that an owner reads back at once what the API just wrote.
/// </summary>
public sealed class KubernetesDeclaredWorkflows(IKubernetes client, IOptions<ClusterModeOptions> options) : IDeclaredWorkflows
{
    /// <summary>Items per list page: a namespace with thousands of workflows is read in a few bounded answers.</summary>
    public const int PageSize = 500;

    private string Namespace => options.Value.Namespace ?? throw new InvalidOperationException("Safedrop:Cluster:Namespace is not set.");

    public async Task<IReadOnlyList<PersonalWorkflow>> ListAsync(CancellationToken cancellationToken)
    {
        List<PersonalWorkflow> workflows = [];
        string? next = null;
        try
        {
            do
            {
                var page = CustomObjectJson.Element(await client.CustomObjects.ListNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace,
                    PersonalWorkflow.Plural, continueParameter: next, limit: PageSize, cancellationToken: cancellationToken));
                foreach (var item in page.GetProperty("items").EnumerateArray())
                    workflows.Add(item.Deserialize<PersonalWorkflow>(ResourceJson.Options)!);
                next = page.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("continue", out var token) ? token.GetString() : null;
            }
            while (!string.IsNullOrEmpty(next));
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }

        return workflows;
    }

    public async Task<PersonalWorkflow?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var read = CustomObjectJson.Element(await client.CustomObjects.GetNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace,
                PersonalWorkflow.Plural, name, cancellationToken));
            return read.Deserialize<PersonalWorkflow>(ResourceJson.Options);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    private static bool IsUnavailable(Exception e) => e is HttpOperationException or HttpRequestException or IOException;

    private ResourcesUnavailableException Unavailable(Exception e) =>
        new($"Reading {PersonalWorkflow.Plural} in namespace {Namespace} from the Kubernetes API failed: {e.Message}", e);
}
