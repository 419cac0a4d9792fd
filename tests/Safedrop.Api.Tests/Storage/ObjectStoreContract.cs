using Safedrop.Api.Storage;

namespace Safedrop.Api.Tests.Storage;

/// <summary>
/// What every <see cref="IObjectStore"/> promises, run against each adapter: the folder store of local mode
/// and the Minio store against the S3 test server (or real MinIO with SAFEDROP_TEST_S3_ENDPOINT).
/// </summary>
public abstract class ObjectStoreContract : IAsyncLifetime
{
    protected const int MiB = 1024 * 1024;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IObjectStore Store { get; private set; } = null!;

    /// <summary>A size the adapter uploads in several parts, so a failure can strike between them.</summary>
    protected abstract long MultipartSize { get; }

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.EnsureReadyAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected abstract Task<IObjectStore> CreateStoreAsync();

    [Fact]
    public async Task Should_Return_The_Same_Bytes_When_An_Object_Is_Put_Then_Read()
    {
        var content = PatternStream.Bytes(100_000);

        await PutAsync("packages/p1/f1/0", content);

        Assert.Equal(content, await ReadAsync("packages/p1/f1/0"));
    }

    [Fact]
    public async Task Should_Round_Trip_An_Empty_Object_When_Length_Is_Zero()
    {
        await PutAsync("packages/p1/empty", []);

        Assert.Empty((await ReadAsync("packages/p1/empty"))!);
        Assert.Equal(0, (await Store.StatAsync("packages/p1/empty", Ct))!.Size);
    }

    [Fact]
    public async Task Should_Stream_Every_Part_When_The_Object_Is_Larger_Than_One_Part()
    {
        await Store.PutAsync("packages/p1/large", new PatternStream(MultipartSize), MultipartSize, Ct);

        await using var read = await Store.OpenReadAsync("packages/p1/large", Ct);
        var buffer = new byte[64 * 1024];
        long offset = 0;
        int count;
        while ((count = await read!.ReadAsync(buffer, Ct)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                if (buffer[i] != PatternStream.At(offset + i)) Assert.Fail($"Byte {offset + i} differs.");
            }

            offset += count;
        }

        Assert.Equal(MultipartSize, offset);
    }

    [Fact]
    public async Task Should_Report_Size_And_Time_When_An_Object_Is_Stated()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await PutAsync("packages/p1/stat", new byte[1234]);

        var info = await Store.StatAsync("packages/p1/stat", Ct);

        Assert.Equal(new ObjectInfo("packages/p1/stat", 1234, info!.LastModified), info);
        Assert.InRange(info.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Should_Return_Null_When_The_Object_Does_Not_Exist()
    {
        Assert.Null(await Store.OpenReadAsync("packages/none/0", Ct));
        Assert.Null(await Store.StatAsync("packages/none/0", Ct));
    }

    [Fact]
    public async Task Should_List_Exactly_The_Keys_Under_The_Prefix_In_Key_Order_When_Listing()
    {
        foreach (var key in new[] { "list/b/1", "list/a/2", "list/ab/3", "list/a/1", "other/a/1" })
            await PutAsync(key, [1, 2, 3]);

        var underFolder = await ListKeysAsync("list/a/");
        var underPrefix = await ListKeysAsync("list/a");

        Assert.Equal(["list/a/1", "list/a/2"], underFolder);
        Assert.Equal(["list/a/1", "list/a/2", "list/ab/3"], underPrefix);
        Assert.All(await ListAsync("list/a/"), info => Assert.Equal(3, info.Size));
    }

    [Fact]
    public async Task Should_List_Nothing_When_No_Key_Has_The_Prefix()
    {
        Assert.Empty(await ListKeysAsync("nothing/here/"));
    }

    [Fact]
    public async Task Should_Replace_The_Content_When_A_Key_Is_Put_Again()
    {
        await PutAsync("packages/p1/again", [1, 1, 1, 1]);

        await PutAsync("packages/p1/again", [2, 2]);

        Assert.Equal([2, 2], await ReadAsync("packages/p1/again"));
    }

    [Fact]
    public async Task Should_Not_Find_The_Object_When_It_Was_Deleted()
    {
        await PutAsync("packages/p1/gone", [1]);

        await Store.DeleteAsync("packages/p1/gone", Ct);
        await Store.DeleteAsync("packages/p1/never-there", Ct);

        Assert.Null(await Store.StatAsync("packages/p1/gone", Ct));
        Assert.Empty(await ListKeysAsync("packages/p1/gone"));
    }

    [Fact]
    public async Task Should_Keep_The_Previous_Object_When_The_Source_Fails_Midway()
    {
        var previous = PatternStream.Bytes(1000, seed: 7);
        await PutAsync("packages/p1/kept", previous);

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("packages/p1/kept", new PatternStream(200_000, failAfter: 100_000), 200_000, Ct));

        Assert.Equal(previous, await ReadAsync("packages/p1/kept"));
    }

    [Fact]
    public async Task Should_Keep_The_Previous_Object_When_The_Source_Fails_Between_Parts()
    {
        var previous = PatternStream.Bytes(1000, seed: 9);
        await PutAsync("packages/p1/kept-large", previous);

        await Assert.ThrowsAsync<IOException>(() =>
            Store.PutAsync("packages/p1/kept-large", new PatternStream(MultipartSize, failAfter: MultipartSize - MiB), MultipartSize, Ct));

        Assert.Equal(previous, await ReadAsync("packages/p1/kept-large"));
        Assert.Equal(["packages/p1/kept-large"], await ListKeysAsync("packages/p1/kept-large"));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1001)]
    public async Task Should_Refuse_And_Keep_The_Previous_Object_When_The_Source_Has_Another_Length(int actual)
    {
        await PutAsync("packages/p1/exact", [5, 5, 5]);

        await Assert.ThrowsAsync<InvalidDataException>(() => Store.PutAsync("packages/p1/exact", new MemoryStream(new byte[actual]), 1000, Ct));

        Assert.Equal([5, 5, 5], await ReadAsync("packages/p1/exact"));
    }

    [Fact]
    public async Task Should_Refuse_When_The_Key_Is_Not_A_Relative_Path()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.StatAsync("../outside", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("/absolute", new MemoryStream([1]), 1, Ct));
    }

    protected async Task PutAsync(string key, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await Store.PutAsync(key, stream, content.Length, Ct);
    }

    protected async Task<byte[]?> ReadAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, Ct);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    protected async Task<List<ObjectInfo>> ListAsync(string prefix)
    {
        var items = new List<ObjectInfo>();
        await foreach (var item in Store.ListAsync(prefix, Ct)) items.Add(item);
        return items;
    }

    protected async Task<List<string>> ListKeysAsync(string prefix) => [.. (await ListAsync(prefix)).Select(i => i.Key)];
}
