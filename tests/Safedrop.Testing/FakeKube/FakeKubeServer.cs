using System.Net;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Log;

namespace Safedrop.Testing.FakeKube;

/// <summary>
/// An in-process Kubernetes API server on Kestrel (127.0.0.1, a free port) speaking the real wire protocol
/// for what Safedrop uses. Clients reach it through <see cref="ClientConfiguration"/> (host + bearer
/// token), exactly as they would reach a real cluster through a kubeconfig.
/// </summary>
public sealed class FakeKubeServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeKubeState state;

    private FakeKubeServer(WebApplication app, FakeKubeState state, Uri address)
    {
        this.app = app;
        this.state = state;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every request served, with write counters.</summary>
    public RequestLog Requests => state.Log;

    /// <summary>The current revision (the resourceVersion the next write will exceed).</summary>
    public long Revision => state.Store.Revision;

    /// <summary>A client configuration for the unrestricted test user.</summary>
    public KubernetesClientConfiguration ClientConfiguration => ConfigurationFor(state.Options.AdminToken);

    public static async Task<FakeKubeServer> StartAsync(FakeKubeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new FakeKubeState(options ?? new FakeKubeOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        state.Stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var handler = new ApiHandler(state);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeKubeServer(app, state, new Uri(address));
    }

    public Kubernetes CreateClient() => new(ClientConfiguration);

    /// <summary>Adds a caller whose requests are limited to <paramref name="rules"/>; returns its client configuration.</summary>
    public KubernetesClientConfiguration AddRestrictedUser(string userName, IReadOnlyList<V1PolicyRule> rules)
    {
        var token = "fake-kube-" + Guid.NewGuid().ToString("N");
        state.AddUser(new FakeKubeUser(userName, token, rules));
        return ConfigurationFor(token);
    }

    /// <summary>Forgets the change history up to now, as etcd compaction does: older watches get 410 Expired.</summary>
    public void CompactHistory() => state.Store.Compact();

    /// <summary>
    /// Ends every open watch and holds new ones back while <paramref name="action"/> runs, as a network
    /// partition would; clients then resume from the resourceVersion they had (and get 410 if it was compacted).
    /// </summary>
    public Task InterruptWatchesAsync(Func<Task> action) => state.WatchInterruptions.DuringAsync(action);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        state.WatchInterruptions.Dispose();
    }

    private KubernetesClientConfiguration ConfigurationFor(string token) => new()
    {
        Host = Address.ToString().TrimEnd('/'),
        AccessToken = token,
    };
}
