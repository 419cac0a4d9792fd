using Safedrop.Api.Storage;

namespace Safedrop.Api.Tests.Storage;

public sealed class FolderObjectStoreTests : ObjectStoreContract
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "safedrop-api-tests", "objects-" + Guid.NewGuid().ToString("N"));

    // The folder store has no parts; a size past its copy buffer still fails midway.
    protected override long MultipartSize => 3 * MiB;

    protected override Task CleanUpAsync()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FolderObjectStore(root, TimeProvider.System));

    [Fact]
    public async Task Should_Not_Presign_When_The_Store_Is_A_Folder()
    {
        Assert.Null(await Store.PresignAsync("packages/p1/0", TransferDirection.Upload, TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task Should_Leave_No_Partial_File_When_A_Put_Fails()
    {
        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("packages/p1/partial", new PatternStream(100_000, failAfter: 50_000), 100_000, Ct));

        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }
}
