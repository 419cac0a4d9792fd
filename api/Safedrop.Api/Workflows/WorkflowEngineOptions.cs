using System.ComponentModel.DataAnnotations;

namespace Safedrop.Api.Workflows;

/// <summary>How the workflow engine delivers events and retries actions (<c>Safedrop:Workflows</c>).</summary>
public sealed class WorkflowEngineOptions
{
    public const string SectionName = "Safedrop:Workflows";

    /// <summary>
    /// Workflow actions this replica executes at once (a webhook call, a mail, a copy); it holds up to four times as many
    /// deliveries, whose runs may be waiting between tries without an action slot. A slow or failing receiver holds a
    /// slot only during a try, not for the minutes of its backoff, and one owner's actions hold at most a quarter of the
    /// slots. An action mostly waits on a receiver or on storage, so many fit on a two-core pod.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentRuns { get; set; } = 32;

    /// <summary>Tries per action before the run fails.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the second try; doubled for each further one, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one webhook delivery may take.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often recorded events that never reached the stream are published again.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An event younger than this is still being published by its emitter; the sweeper leaves it alone.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A published event not processed after this long was lost with the stream; the sweeper publishes it again. Longer
    /// than <see cref="ClaimIdle"/> plus a run's retries, so an event still being worked on is rarely sent twice
    /// (harmless anyway: runs are idempotent).
    /// </summary>
    public TimeSpan ProcessGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back the sweeper looks for unpublished events.</summary>
    public TimeSpan SweepLookback { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a processed event and its markers are kept before they are deleted; the runs they caused stay (they are
    /// the history). Longer than <see cref="SweepLookback"/>, so the sweeper never looks for what is gone.
    /// </summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A delivery unacknowledged this long belongs to a consumer that died; another one claims it.</summary>
    public TimeSpan ClaimIdle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often finished runs are written to the PersonalWorkflow resources' status (cluster mode): at most once per workflow per interval.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A workflow key younger than this is not destroyed even when the configuration in hand has no workflow for it:
    /// another replica, already on a newer configuration, may just have made it. It is looked at again once this old.
    /// Longer than replicas take to agree on a configuration (seconds).
    /// </summary>
    public TimeSpan KeyDestroyGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one read waits for new events.</summary>
    public TimeSpan ReadWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Null when the settings fit together, else what is wrong (checks that attributes cannot express).</summary>
    public string? Problem() =>
        EventRetention <= SweepLookback ? $"EventRetention ({EventRetention}) must be longer than SweepLookback ({SweepLookback})."
        : ClaimIdle < MinimumClaimIdle ? $"ClaimIdle ({ClaimIdle}) must be at least {MinimumClaimIdle}: deliveries in hand are kept alive a few times within it."
        : null;

    private static readonly TimeSpan MinimumClaimIdle = TimeSpan.FromMilliseconds(100);
}
