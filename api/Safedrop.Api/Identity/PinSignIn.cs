using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Api.Mail;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity;

/// <summary>
/// PIN sign-in (SPEC vocabulary "PIN verification"). A pending PIN is one cache entry per address: a random
/// generation id ‖ the PIN's HMAC, with the Organization's TTL. A new request replaces it, and its attempt
/// counter is keyed by the generation, so the new PIN starts with a clean count. Every attempt is counted
/// before it is compared, so parallel guesses cannot exceed the limit; the one correct attempt wins by
/// removing exactly the entry it compared against.
/// </summary>
public sealed partial class PinSignIn(
    [FromKeyedServices(CacheNames.Pin)] IKeyValueCache pins,
    PinCodes codes,
    RequestRateLimiter rateLimiter,
    SessionStore sessions,
    IMailSender mail,
    IAuditLog audit,
    TenantConfigStore config,
    IOptions<IdentityOptions> options,
    ILogger<PinSignIn> logger)
{
    private const int GenerationLength = 16;

    public async Task<PinRequestResult> RequestAsync(EmailAddress address, string client, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var retryAfter = await rateLimiter.TryAcquireAsync("pin-request-client", client, limits.PinRequestsPerClient, limits.RateLimitWindow, cancellationToken)
            ?? await rateLimiter.TryAcquireAsync("pin-request-address", address.Value, limits.PinRequestsPerAddress, limits.RateLimitWindow, cancellationToken);
        var settings = PinSettingsInForce();
        if (retryAfter is { } wait)
        {
            Log.RateLimited(logger, "pin request", wait);
            await AuditAsync("auth.pin.request", address.Value, AuditOutcome.Denied, client, "rate-limited", cancellationToken);
            return new PinRequestResult(settings.TtlSeconds, wait);
        }

        // Sent to every valid address, registered or not: externals sign in too, and the answer must not tell them apart.
        var pin = PinCodes.NewPin(settings.Length);
        var entry = new byte[GenerationLength + PinCodes.HashLength];
        RandomNumberGenerator.Fill(entry.AsSpan(0, GenerationLength));
        codes.Hash(address, pin).CopyTo(entry, GenerationLength);
        await pins.SetAsync(PinKey(address), entry, TimeSpan.FromSeconds(settings.TtlSeconds), cancellationToken);

        await mail.SendAsync(PinMail(address, pin, settings.TtlSeconds), cancellationToken);
        await AuditAsync("auth.pin.request", address.Value, AuditOutcome.Succeeded, client, null, cancellationToken);
        return new PinRequestResult(settings.TtlSeconds, null);
    }

    public async Task<PinVerifyResult> VerifyAsync(EmailAddress address, string pin, string client, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (await rateLimiter.TryAcquireAsync("pin-verify-client", client, limits.PinVerificationsPerClient, limits.RateLimitWindow, cancellationToken) is { } wait)
        {
            Log.RateLimited(logger, "pin verify", wait);
            await AuditAsync("auth.pin.verify", address.Value, AuditOutcome.Denied, client, "rate-limited", cancellationToken);
            return new PinVerifyResult.RateLimited(wait);
        }

        var key = PinKey(address);
        var entry = await pins.GetAsync(key, cancellationToken);
        if (entry is not { Length: GenerationLength + PinCodes.HashLength })
            return await FailAsync(address, client, "none-pending", new PinVerifyResult.Expired(), cancellationToken);

        var settings = PinSettingsInForce();
        var attemptsKey = $"pin-attempts:{IdentityHashes.OwnerId(address)}:{Convert.ToHexStringLower(entry.AsSpan(0, GenerationLength))}";
        var attempts = await pins.IncrementAsync(attemptsKey, TimeSpan.FromSeconds(settings.TtlSeconds), cancellationToken);
        if (attempts > settings.MaxAttempts)
        {
            await pins.DeleteIfEqualAsync(key, entry, cancellationToken);
            return await FailAsync(address, client, "void", new PinVerifyResult.Expired(), cancellationToken);
        }

        var matches = PinCodes.IsWellFormed(pin)
            && CryptographicOperations.FixedTimeEquals(codes.Hash(address, pin), entry.AsSpan(GenerationLength));
        if (matches)
        {
            // Only the caller that removes this very entry signs in: a concurrent verify of the same PIN finds it gone.
            if (!await pins.DeleteIfEqualAsync(key, entry, cancellationToken))
                return await FailAsync(address, client, "used", new PinVerifyResult.Expired(), cancellationToken);

            var session = await sessions.CreateAsync(address, cancellationToken);
            Log.SignedIn(logger, address.Value, session.Id[..12]);
            await AuditAsync("auth.pin.verify", address.Value, AuditOutcome.Succeeded, client, null, cancellationToken);
            return new PinVerifyResult.Success(session);
        }

        var remaining = (int)Math.Max(0, settings.MaxAttempts - attempts);
        if (remaining == 0) await pins.DeleteIfEqualAsync(key, entry, cancellationToken);
        return await FailAsync(address, client, remaining == 0 ? "wrong-pin-void" : "wrong-pin", new PinVerifyResult.Invalid(remaining), cancellationToken);
    }

    private async Task<PinVerifyResult> FailAsync(EmailAddress address, string client, string reason, PinVerifyResult result, CancellationToken cancellationToken)
    {
        await AuditAsync("auth.pin.verify", address.Value, AuditOutcome.Failed, client, reason, cancellationToken);
        return result;
    }

    private Task AuditAsync(string action, string actor, AuditOutcome outcome, string client, string? reason, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(action, actor, null, outcome, Details: reason is null ? null : new Dictionary<string, string> { ["reason"] = reason })
        {
            ClientAddress = client,
        }, cancellationToken);

    private OutgoingMail PinMail(EmailAddress address, string pin, int ttlSeconds)
    {
        var organization = config.Current.Config?.Organization;
        var name = organization?.DisplayName ?? organization?.Name ?? "Safedrop";
        var minutes = Math.Max(1, ttlSeconds / 60).ToString(CultureInfo.InvariantCulture);
        return new OutgoingMail(address.Value, "Your Safedrop PIN", $"""
            Your PIN: {pin}

            It is valid for {minutes} minutes and works once.

            This PIN was requested to sign in to Safedrop ({name}) as {address.Value}.
            If you did not ask for it, ignore this mail: without the PIN nobody can sign in.
            """);
    }

    private PinSettingsInForceValue PinSettingsInForce()
    {
        var pin = config.Current.Config?.Organization?.Pin;
        return pin is null ? new(8, 600, 5) : new(pin.Length, pin.TtlSeconds, pin.MaxAttempts);
    }

    private static string PinKey(EmailAddress address) => "pin:" + IdentityHashes.OwnerId(address);

    private sealed record PinSettingsInForceValue(int Length, int TtlSeconds, int MaxAttempts);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Rate limit reached for {Operation}; retry in {RetryAfter}")]
        public static partial void RateLimited(ILogger logger, string operation, TimeSpan retryAfter);

        [LoggerMessage(2, LogLevel.Information, "{Email} signed in by PIN (session {SessionPrefix}…)")]
        public static partial void SignedIn(ILogger logger, string email, string sessionPrefix);
    }
}

/// <summary>The PIN request's answer: the PIN's validity, or how long to wait when rate-limited.</summary>
public sealed record PinRequestResult(int ExpiresInSeconds, TimeSpan? RetryAfter);

public abstract record PinVerifyResult
{
    public sealed record Success(IssuedSession Session) : PinVerifyResult;

    public sealed record Invalid(int RemainingAttempts) : PinVerifyResult;

    public sealed record Expired : PinVerifyResult;

    public sealed record RateLimited(TimeSpan RetryAfter) : PinVerifyResult;
}
