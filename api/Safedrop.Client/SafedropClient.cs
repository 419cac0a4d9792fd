using Safedrop.Client.Api;
using Safedrop.Client.Transfer;

namespace Safedrop.Client;

/// <summary>
/// The Safedrop API for .NET: PIN sign-in, end-to-end encrypted sending and Dropzone uploads, opening and downloading
/// packages. Files are sealed and opened here; the API only ever sees ciphertext, sizes and the keycode verifier.
/// The keycode leaves this client only inside the secure link it returns (and wrapped for recipients' device keys).
/// </summary>
public sealed partial class SafedropClient : IDisposable
{
    private readonly ApiConnection connection;
    private readonly HttpClient? ownedApi;
    private readonly HttpClient? ownedStorage;
    private readonly SafedropClientOptions options;
    private readonly PartTransport transport;
    private readonly TimeProvider time;

    /// <param name="api">Has the API's BaseAddress; may carry the caller's handlers (proxies, logging).</param>
    /// <param name="storage">
    /// For presigned object-storage URLs. It must not add credentials: the bearer token never goes to storage. A
    /// plain client is made when null.
    /// </param>
    public SafedropClient(HttpClient api, HttpClient? storage = null, SafedropClientOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        this.options = options ?? new SafedropClientOptions();
        this.options.Validate();
        this.time = time ?? TimeProvider.System;
        if (storage is null) storage = ownedStorage = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        connection = new ApiConnection(api, storage);
        transport = new PartTransport(connection, this.options);
    }

    public SafedropClient(Uri server, SafedropClientOptions? options = null)
        : this(new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) }, null, options)
    {
        ownedApi = connection.Api;
    }

    /// <summary>The API's address, ending in '/'; secure links start with it.</summary>
    public Uri BaseAddress => connection.BaseAddress;

    /// <summary>Whether a session token or API key is in use.</summary>
    public bool HasCredential => connection.BearerToken is not null;

    public SafedropClientOptions Options => options;

    /// <summary>E-mails a PIN to <paramref name="email"/>; the answer is the same for every valid address.</summary>
    /// <returns>How long the PIN stays valid.</returns>
    public async Task<TimeSpan> RequestPinAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var accepted = await connection.SendAsync<PinAccepted>(HttpMethod.Post, "v1/auth/pin", new PinRequest(email), cancellationToken);
        return TimeSpan.FromSeconds(accepted.ExpiresInSeconds);
    }

    /// <summary>Signs in with the PIN from the e-mail; the session is kept in this client for the calls that follow.</summary>
    public async Task<SessionToken> SignInAsync(string email, string pin, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(pin);
        var signedIn = await connection.SendAsync<SignedIn>(HttpMethod.Post, "v1/auth/pin/verify", new PinVerifyRequest(email, pin.Trim()), cancellationToken);
        connection.BearerToken = signedIn.Token;
        return new SessionToken(signedIn.Token, signedIn.Email, signedIn.ExpiresAt);
    }

    /// <summary>Uses a session token kept from an earlier sign-in.</summary>
    public void UseSessionToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        connection.BearerToken = token;
    }

    /// <summary>Uses an API key (<c>sdk_…</c>) instead of a session.</summary>
    public void UseApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        connection.BearerToken = apiKey;
    }

    /// <summary>Revokes the session on the server and forgets it here.</summary>
    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        if (connection.BearerToken is null) return;
        try
        {
            await connection.SendAsync(HttpMethod.Post, "v1/auth/sign-out", null, cancellationToken);
        }
        finally
        {
            connection.BearerToken = null;
        }
    }

    public Task<Me> GetMeAsync(CancellationToken cancellationToken = default) =>
        connection.SendAsync<Me>(HttpMethod.Get, "v1/me", null, cancellationToken);

    /// <summary>Complete, unexpired packages of a box, newest first.</summary>
    public Task<IReadOnlyList<PackageSummary>> ListAsync(PackageBox box = PackageBox.Received, CancellationToken cancellationToken = default) =>
        connection.SendAsync<IReadOnlyList<PackageSummary>>(HttpMethod.Get, "v1/packages?box=" + (box == PackageBox.Sent ? "sent" : "received"), null, cancellationToken);

    public void Dispose()
    {
        ownedStorage?.Dispose();
        ownedApi?.Dispose();
    }
}
