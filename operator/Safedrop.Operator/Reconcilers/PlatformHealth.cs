using k8s.Models;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Reconcilers;

/// <summary>Whether an Organization's workloads are up, from the cached Deployments and StatefulSet, or what keeps the API from running.</summary>
internal sealed record PlatformHealth(bool Running, string Reason, string Message, string? ApiEndpoint)
{
    public static readonly PlatformHealth NotStarted = new(false, "PlatformNotStarted",
        "The platform starts once the Organization has a valid configuration.", null);

    public static PlatformHealth Of(Organization organization, TenantConfig config, OperatorCaches caches)
    {
        var names = new PlatformNames(organization.Metadata.Name);
        var @namespace = organization.Metadata.NamespaceProperty;
        var platform = config.Organization?.Platform ?? organization.Spec.Platform;
        var endpoint = platform.Api.PublicUrl ?? $"http://{names.Api}.{@namespace}.svc";
        if (ApiBlocker.Of(platform) is { } blocker)
            return new PlatformHealth(false, blocker.Reason, blocker.Message, endpoint);

        var waiting = new List<string>();

        Check(caches.Of<V1Deployment>().Get(new(@namespace, names.Api)), names.Api, d => (d.Status?.ReadyReplicas, d.Spec?.Replicas), waiting);
        if (platform.Storage.External is null)
            Check(caches.Of<V1StatefulSet>().Get(new(@namespace, names.Minio)), names.Minio, s => (s.Status?.ReadyReplicas, s.Spec?.Replicas), waiting);
        if (platform.PinCache.External is null)
            Check(caches.Of<V1Deployment>().Get(new(@namespace, names.PinCache)), names.PinCache, d => (d.Status?.ReadyReplicas, d.Spec?.Replicas), waiting);
        if (platform.SessionCache.External is null)
            Check(caches.Of<V1Deployment>().Get(new(@namespace, names.SessionCache)), names.SessionCache, d => (d.Status?.ReadyReplicas, d.Spec?.Replicas), waiting);

        return waiting.Count == 0
            ? new PlatformHealth(true, "Running", "The API, storage and caches are running.", endpoint)
            : new PlatformHealth(false, "Progressing", "Waiting for " + string.Join(", ", waiting) + ".", endpoint);
    }

    private static void Check<T>(T? workload, string name, Func<T, (int? Ready, int? Wanted)> replicas, List<string> waiting) where T : class
    {
        if (workload is null)
        {
            waiting.Add($"{name} (not created yet)");
            return;
        }

        var (ready, wanted) = replicas(workload);
        if ((ready ?? 0) < (wanted ?? 1)) waiting.Add($"{name} ({ready ?? 0}/{wanted ?? 1} ready)");
    }

    /// <summary>The Organization's verdict with PlatformReady added and folded into Ready: ready means compiled and running.</summary>
    public ResourceVerdict Combine(ResourceVerdict verdict)
    {
        var platformReady = new ConditionUpdate(ConditionTypes.PlatformReady, Running ? ConditionStatus.True : ConditionStatus.False, Reason, Message);
        var conditions = verdict.Conditions.Select(c => c.Type == ConditionTypes.Ready && c.Status == ConditionStatus.True && !Running
            ? new ConditionUpdate(ConditionTypes.Ready, ConditionStatus.False, "PlatformNotReady", Message)
            : c);
        return verdict with { Conditions = [.. conditions, platformReady] };
    }

    public bool ApplyEndpoint(OrganizationStatus status)
    {
        if (status.ApiEndpoint == ApiEndpoint) return false;
        status.ApiEndpoint = ApiEndpoint;
        return true;
    }

    /// <summary>A Dropzone's upload page in the portal (<c>/d/{name}</c>), once the API has an endpoint.</summary>
    public bool ApplyUploadUrl(Dropzone dropzone)
    {
        ArgumentNullException.ThrowIfNull(dropzone);
        var url = ApiEndpoint is null ? null : $"{ApiEndpoint.TrimEnd('/')}/d/{dropzone.Metadata.Name}";
        if (dropzone.Status.UploadUrl == url) return false;
        dropzone.Status.UploadUrl = url;
        return true;
    }
}
