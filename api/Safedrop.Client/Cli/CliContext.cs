using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary>
/// One run of a verb: where the server is and which credential to use. The stored session token is only ever sent to
/// the server it was issued by, so a link to another host never receives it.
/// </summary>
internal sealed class CliContext(CliEnvironment environment, ParseResult parse) : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public CliEnvironment Environment => environment;

    public TextWriter Output => environment.Output;

    public TextWriter Error => environment.Error;

    public ParseResult Parse => parse;

    public StoredSession? Session => StoredSession.Read(environment.SessionPath);

    /// <summary>--server, $SAFEDROP_SERVER, or the stored session's server.</summary>
    public Uri ResolveServer()
    {
        if (parse.GetValue(CommonOptions.Server) is { } server) return server;
        if (environment.Variable("SAFEDROP_SERVER") is { Length: > 0 } variable)
            return Uri.TryCreate(variable, UriKind.Absolute, out var fromVariable) ? fromVariable : throw new UsageException("SAFEDROP_SERVER is not a URL.");
        return Session?.Server ?? throw new UsageException("No server: pass --server URL, set SAFEDROP_SERVER, or sign in first.");
    }

    /// <summary>A client for <paramref name="server"/> (default: <see cref="ResolveServer"/>) with the API key or the session for it.</summary>
    public SafedropClient Connect(Uri? server = null, bool requireCredential = true)
    {
        server ??= ResolveServer();
        var handler = environment.ApiHandler?.Invoke(server) ?? new SocketsHttpHandler();
        var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };
        owned.Add(http);
        var client = new SafedropClient(http, null, environment.ClientOptions);
        owned.Add(client);

        if ((parse.GetValue(CommonOptions.ApiKey) ?? environment.Variable("SAFEDROP_API_KEY")) is { Length: > 0 } apiKey) client.UseApiKey(apiKey);
        else if (Session is { } session && SameServer(session.Server, client.BaseAddress)) client.UseSessionToken(session.Token);
        else if (requireCredential) throw new UsageException($"Not signed in to {client.BaseAddress}: run 'safedrop sign-in --server {client.BaseAddress} --email ADDRESS', or pass --api-key.");
        return client;
    }

    public static bool SameServer(Uri a, Uri b) =>
        string.Equals(a.GetLeftPart(UriPartial.Path).TrimEnd('/'), b.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        foreach (var disposable in owned) disposable.Dispose();
    }
}
