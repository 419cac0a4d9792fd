using System.ComponentModel.DataAnnotations;

namespace Safedrop.Api.Packages;

/// <summary>Section <c>Safedrop:Packages</c>: limits of directly sent packages (Dropzones bring their own) and transfer timing.</summary>
public sealed class PackageOptions
{
    public const string SectionName = "Safedrop:Packages";

    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    [Range(1, 10_000)]
    public int MaxFiles { get; set; } = 1000;

    [Range(1, long.MaxValue)]
    public long MaxFileSizeBytes { get; set; } = 100L * 1024 * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxPackageSizeBytes { get; set; } = 100L * 1024 * 1024 * 1024;

    [Range(1, 1000)]
    public int MaxRecipients { get; set; } = 100;

    /// <summary>How long a signed upload or download URL stays valid.</summary>
    public TimeSpan TransferUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An upload not completed within this time is removed.</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired packages and abandoned uploads are swept (a timer's period is at most 49 days).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "40.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
