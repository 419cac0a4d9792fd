using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Caches;
using Safedrop.Api.Http;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Transfer;
using Safedrop.Api.Transfer;

namespace Safedrop.Api.Tests.Storage;

/// <summary>While object storage is down the API stays up, answers 503 with a retry hint and reports itself not ready.</summary>
public sealed class StorageUnavailableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Answer_503_With_Retry_After_When_Storage_Is_Down()
    {
        await using var api = StorageDown();
        using var client = api.Factory.CreateClient();
        var token = api.Grants.Sign(new TransferGrant("packages/p1/f1/0", TransferDirection.Download, null, DateTimeOffset.UtcNow.AddMinutes(5)));

        using var response = await client.GetAsync($"/v1/transfer/{token}", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DependencyUnavailableExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal(ProblemTypes.StorageUnavailable, problem!.Type);
        Assert.DoesNotContain("127.0.0.1", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Not_Be_Ready_And_Say_Why_When_Storage_Is_Down()
    {
        await using var api = StorageDown();
        using var client = api.Factory.CreateClient();

        using var response = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal(ProblemTypes.NotReady, problem!.Type);
        Assert.Contains("Object storage is unreachable", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Stay_Alive_When_Storage_Is_Down()
    {
        await using var api = StorageDown();
        using var client = api.Factory.CreateClient();

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_Be_Ready_When_Storage_Answers()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();

        using var response = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Object storage is reachable", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(StorageUnavailableException), ProblemTypes.StorageUnavailable)]
    [InlineData(typeof(CacheUnavailableException), ProblemTypes.CacheUnavailable)]
    public async Task Should_Write_A_503_Problem_When_A_Dependency_Is_Unavailable(Type exceptionType, string type)
    {
        await using var api = new TransferApi();
        var handler = api.Factory.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().OfType<DependencyUnavailableExceptionHandler>().Single();
        var context = new DefaultHttpContext { RequestServices = api.Factory.Services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        var handled = await handler.TryHandleAsync(context, (Exception)Activator.CreateInstance(exceptionType, "down")!, Ct);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Contains(type, System.Text.Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Leave_Other_Exceptions_To_The_Default_Handler()
    {
        await using var api = new TransferApi();
        var handler = api.Factory.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().OfType<DependencyUnavailableExceptionHandler>().Single();

        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException(), Ct));
    }

    /// <summary>Local mode with its store replaced by the Minio adapter pointed at a port nothing listens on.</summary>
    private static TransferApi StorageDown() => new(services => services.AddSingleton<IObjectStore>(
        new MinioObjectStore(
            new StorageOptions { Endpoint = MinioObjectStoreTests.Unreachable(), AccessKey = "key", SecretKey = "secret", ConnectTimeout = TimeSpan.FromSeconds(2) },
            TimeProvider.System)));
}
