using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>
/// Something the spec lacks that the API cannot start without. Rather than roll out pods that would
/// crash-loop, the operator holds the API Deployment back — it creates none, and leaves a running one
/// exactly as it is — and reports the reason in the Organization's PlatformReady condition.
/// </summary>
public sealed record ApiBlocker(string Reason, string Message)
{
    public const string MailRelayMissing = "MailRelayMissing";

    public static ApiBlocker? Of(PlatformSpec platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Mail is null
            ? new ApiBlocker(MailRelayMissing,
                "The API needs an SMTP relay to e-mail sign-in PIN codes: add spec.platform.mail (host and from, plus secretRef when the relay needs a login) to the Organization. " +
                "Until then the API Deployment is not rolled out (a running one is left as it is); storage and caches are set up meanwhile.")
            : null;
    }
}
