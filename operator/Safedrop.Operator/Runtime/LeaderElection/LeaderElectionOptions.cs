using System.ComponentModel.DataAnnotations;

namespace Safedrop.Operator.Runtime.LeaderElection;

/// <summary>Bound from the "LeaderElection" section; the Helm chart turns it on when replicas &gt; 1.</summary>
public sealed class LeaderElectionOptions
{
    public const string Section = "LeaderElection";

    public bool Enabled { get; set; } = true;

    /// <summary>Namespace of the Lease (the operator's own).</summary>
    [Required]
    public string Namespace { get; set; } = "safedrop-system";

    [Required]
    public string LeaseName { get; set; } = "safedrop-operator";

    /// <summary>This instance's identity in the Lease; the pod name in a cluster.</summary>
    [Required]
    public string Identity { get; set; } = Environment.MachineName;

    /// <summary>How long a Lease is valid without renewal: a dead leader is replaced after about this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
