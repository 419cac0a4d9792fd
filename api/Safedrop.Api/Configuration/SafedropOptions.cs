namespace Safedrop.Api.Configuration;

/// <summary>Where the API gets its tenant configuration from.</summary>
public enum SafedropMode
{
    /// <summary>From the operator's compiled snapshot ConfigMap, in a cluster.</summary>
    Cluster,

    /// <summary>From a folder of YAML compiled in-process; no cluster, embedded defaults.</summary>
    Local,
}

/// <summary>Section <c>Safedrop</c>: how this process runs.</summary>
public sealed class SafedropOptions
{
    public const string SectionName = "Safedrop";

    public SafedropMode Mode { get; set; } = SafedropMode.Cluster;
}
