using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Caches;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Caches;

public sealed class CacheReadinessTests(RedisServer redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Not_Be_Ready_While_The_Session_Cache_Is_Unreachable()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path)
        {
            ConfigureTestServices = services => services.AddKeyedSingleton<IKeyValueCache>(CacheNames.Session,
                new RedisKeyValueCache(CacheNames.Session, $"127.0.0.1:{FreePort.Next()},connectTimeout=500")),
        };
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("session cache is unreachable", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Be_Ready_When_Both_Redis_Caches_Answer()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path)
        {
            ConfigureTestServices = services =>
            {
                services.AddKeyedSingleton<IKeyValueCache>(CacheNames.Pin, new RedisKeyValueCache(CacheNames.Pin, redis.ConnectionString));
                services.AddKeyedSingleton<IKeyValueCache>(CacheNames.Session, new RedisKeyValueCache(CacheNames.Session, redis.ConnectionString));
            },
        };
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);
    }
}
