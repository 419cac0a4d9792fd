using System.Net;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Storage;
using Safedrop.Api.Transfer;

namespace Safedrop.Api.Tests.Transfer;

[CollectionDefinition(nameof(TransferMemoryTests), DisableParallelization = true)]
public sealed class TransferMemoryCollection;

/// <summary>
/// The streaming path never holds an object whole: 256 MiB go into the local store and out through
/// <c>GET /v1/transfer</c> while the whole process allocates a small fraction of that on the managed heap.
/// Runs alone, since the allocation counter is process-wide. The HTTP upload is not measured here: the
/// in-memory test server's request transport alone allocates about three times the body (768 MiB for
/// 256 MiB, where the store itself allocates nothing), so that measurement belongs in a benchmark on Kestrel.
/// </summary>
[Collection(nameof(TransferMemoryTests))]
public sealed class TransferMemoryTests
{
    private const long Size = 256L * 1024 * 1024;
    private const long AllowedAllocation = 16L * 1024 * 1024;
    private const string Key = "packages/big/f1/0";

    [Fact]
    public async Task Should_Allocate_Far_Less_Than_The_Object_When_Storing_And_Downloading_It()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        var download = api.Grants.Sign(new TransferGrant(Key, TransferDirection.Download, null, DateTimeOffset.UtcNow.AddMinutes(10)));
        var buffer = new byte[81920];
        // Warm up the pipeline so that one-time allocations (JIT, pools, first request) are not counted.
        using (await client.GetAsync("/readyz", ct)) { }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await api.Store.PutAsync(Key, new PatternStream(Size), Size, ct);
        var stored = GC.GetTotalAllocatedBytes(precise: true) - before;

        long received = 0;
        var mismatch = -1L;
        before = GC.GetTotalAllocatedBytes(precise: true);
        using (var get = await client.GetAsync($"/v1/transfer/{download}", HttpCompletionOption.ResponseHeadersRead, ct))
        await using (var body = await get.Content.ReadAsStreamAsync(ct))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                for (var i = 0; i < read && mismatch < 0; i++)
                {
                    if (buffer[i] != PatternStream.At(received + i)) mismatch = received + i;
                }

                received += read;
            }
        }

        var downloaded = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Size, received);
        Assert.Equal(-1, mismatch);
        Assert.True(stored < AllowedAllocation, $"Storing {Size >> 20} MiB allocated {stored >> 20} MiB.");
        Assert.True(downloaded < AllowedAllocation, $"Downloading {Size >> 20} MiB allocated {downloaded >> 20} MiB.");
    }
}
