using System.Collections.Concurrent;
using System.Text.Json;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity;

/// <summary>
/// Sessions in the session cache. The token (256 random bits, base64url) is handed out once; the cache holds
/// only its SHA-256, with the address, the creation time and the absolute expiry. The key's TTL is the idle
/// timeout, moved forward on use (at most once a minute per session and replica, to keep cache writes low)
/// but never past the absolute expiry.
/// </summary>
public sealed class SessionStore(
    [FromKeyedServices(CacheNames.Session)] IKeyValueCache cache,
    TenantConfigStore config,
    TimeProvider time)
{
    private const int MaxTokenLength = 128;
    private const int MaxRememberedSlides = 100_000;
    private static readonly TimeSpan SlideInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSlid = new(StringComparer.Ordinal);

    public async Task<IssuedSession> CreateAsync(EmailAddress address, CancellationToken cancellationToken)
    {
        var (idle, absolute) = Timeouts();
        var now = time.GetUtcNow();
        var token = IdentityHashes.NewToken();
        var id = IdentityHashes.OfToken(token);
        var record = new SessionRecord(address.Value, now, now + absolute);
        await cache.SetAsync(KeyOf(id), JsonSerializer.SerializeToUtf8Bytes(record), Min(idle, absolute), cancellationToken);
        lastSlid[id] = now;
        return new IssuedSession(token, id, address, record.AbsoluteExpiresAt);
    }

    /// <summary>The live session the token stands for, sliding its idle timeout; null when unknown or expired.</summary>
    public async Task<ActiveSession?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength) return null;
        var id = IdentityHashes.OfToken(token);
        var stored = await cache.GetAsync(KeyOf(id), cancellationToken);
        if (stored is null) return null;

        var record = JsonSerializer.Deserialize<SessionRecord>(stored);
        var now = time.GetUtcNow();
        if (record is null || now >= record.AbsoluteExpiresAt || !EmailAddress.TryParse(record.Email, out var address))
        {
            await RevokeAsync(id, cancellationToken);
            return null;
        }

        if (!lastSlid.TryGetValue(id, out var slid) || now - slid >= SlideInterval)
        {
            var (idle, _) = Timeouts();
            if (!await cache.ExpireAsync(KeyOf(id), Min(idle, record.AbsoluteExpiresAt - now), cancellationToken)) return null;
            Remember(id, now);
        }

        return new ActiveSession(id, address, record.CreatedAt, record.AbsoluteExpiresAt);
    }

    public Task<bool> RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        lastSlid.TryRemove(sessionId, out _);
        return cache.DeleteAsync(KeyOf(sessionId), cancellationToken);
    }

    private void Remember(string id, DateTimeOffset now)
    {
        // Only a write-saving hint: forgetting it costs one extra cache write, so a full map is simply emptied.
        if (lastSlid.Count >= MaxRememberedSlides) lastSlid.Clear();
        lastSlid[id] = now;
    }

    private (TimeSpan Idle, TimeSpan Absolute) Timeouts()
    {
        var settings = config.Current.Config?.Organization?.Session;
        return settings is null
            ? (TimeSpan.FromMinutes(30), TimeSpan.FromHours(12))
            : (TimeSpan.FromMinutes(settings.IdleTimeoutMinutes), TimeSpan.FromHours(settings.AbsoluteTimeoutHours));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string KeyOf(string sessionId) => "session:" + sessionId;

    private sealed record SessionRecord(string Email, DateTimeOffset CreatedAt, DateTimeOffset AbsoluteExpiresAt);
}

/// <summary>A new session: <see cref="Token"/> is shown to the client once and stored nowhere.</summary>
public sealed record IssuedSession(string Token, string Id, EmailAddress Address, DateTimeOffset ExpiresAt);

/// <summary>A session in use; <see cref="Id"/> is the token's hash, safe to log and to put in the <c>sid</c> claim.</summary>
public sealed record ActiveSession(string Id, EmailAddress Address, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
