using System.ComponentModel.DataAnnotations;

namespace Safedrop.Operator.Hosting;

/// <summary>Bound from the "Operator" section and validated at start-up.</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The field manager of every server-side apply and status write.</summary>
    [Required]
    public string FieldManager { get; set; } = "safedrop-operator";

    /// <summary>Tenants reconciled in parallel.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>How often every tenant is reconciled again even without a change.</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long in-flight reconciles may run on shutdown before they are abandoned.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Ceiling of the per-tenant retry backoff.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
