using Microsoft.Extensions.Options;

namespace Safedrop.Api.Configuration;

/// <summary>Section <c>Safedrop:Cluster</c>: where the operator publishes this tenant's compiled snapshot. The operator sets these.</summary>
public sealed class ClusterModeOptions
{
    public const string SectionName = "Safedrop:Cluster";

    public string? Namespace { get; set; }

    public string? Organization { get; set; }

    /// <summary>Name of the snapshot ConfigMap (key tenant.json).</summary>
    public string? ConfigMap { get; set; }

    /// <summary>A kubeconfig file to use outside a cluster (development); in a pod the service account is used.</summary>
    public string? Kubeconfig { get; set; }
}

public sealed class ClusterModeOptionsValidator(IConfiguration configuration) : IValidateOptions<ClusterModeOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mode = configuration.GetSection(SafedropOptions.SectionName).Get<SafedropOptions>()?.Mode ?? SafedropMode.Cluster;
        if (mode != SafedropMode.Cluster) return ValidateOptionsResult.Skip;

        var missing = new[] { (options.Namespace, "Namespace"), (options.ConfigMap, "ConfigMap") }
            .Where(o => string.IsNullOrWhiteSpace(o.Item1))
            .Select(o => $"Safedrop:Cluster:{o.Item2} is required in cluster mode (the operator sets it); to run without a cluster, start with --local <folder of tenant YAML>.")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
