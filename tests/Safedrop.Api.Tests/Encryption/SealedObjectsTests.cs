using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Encryption;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Keys;
using Safedrop.Crypto;

namespace Safedrop.Api.Tests.Encryption;

/// <summary>Server-readable data: encrypted at rest under per-object data keys; rotating the key-encryption key rewraps keys only.</summary>
public sealed class SealedObjectsTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "safedrop-sealed-tests", Guid.NewGuid().ToString("N"));
    private readonly FolderObjectStore store;
    private readonly KeyEncryptionKey oldKey = KeyEncryptionKey.Generate();
    private readonly KeyEncryptionKey newKey = KeyEncryptionKey.Generate();

    public SealedObjectsTests() => store = new FolderObjectStore(folder, TimeProvider.System);

    [Fact]
    public async Task Should_Read_Back_The_Plaintext_When_Stored_Encrypted_At_Rest()
    {
        var objects = new SealedObjects(store, Wrapper(oldKey));
        var plaintext = Content(9 * 1024 * 1024 + 17);

        await objects.PutAsync("workspaces/ws/file1", new MemoryStream(plaintext), plaintext.Length, Ct);

        Assert.Equal(plaintext, await ReadAsync(objects, "workspaces/ws/file1"));
        var stored = await File.ReadAllBytesAsync(Path.Combine(folder, "workspaces/ws/file1"), Ct);
        Assert.Equal(EncryptionFormat.SealedLength(plaintext.Length), stored.Length);
        Assert.DoesNotContain(Convert.ToHexString(plaintext.AsSpan(1000, 32)), Convert.ToHexString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_To_Read_When_A_Stored_Byte_Was_Changed()
    {
        var objects = new SealedObjects(store, Wrapper(oldKey));
        var plaintext = Content(5000);
        await objects.PutAsync("copies/a", new MemoryStream(plaintext), plaintext.Length, Ct);
        var path = Path.Combine(folder, "copies/a");
        var stored = await File.ReadAllBytesAsync(path, Ct);
        stored[100] ^= 1;
        await File.WriteAllBytesAsync(path, stored, Ct);

        await Assert.ThrowsAsync<PartAuthenticationException>(() => ReadAsync(objects, "copies/a"));
    }

    [Fact]
    public async Task Should_Rewrap_Keys_Without_Touching_Data_When_The_Key_Encryption_Key_Rotates()
    {
        var before = new SealedObjects(store, Wrapper(oldKey));
        var plaintext = Content(3 * 1024 * 1024);
        await before.PutAsync("workspaces/ws/report", new MemoryStream(plaintext), plaintext.Length, Ct);
        var dataBefore = SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "workspaces/ws/report"), Ct));
        var packages = new PackageStore(store);
        var rotatingWrapper = Wrapper(newKey, oldKey);
        var packageId = PackageIds.New();
        await packages.SaveAsync(APackage(packageId, Wrapper(oldKey)), Ct);
        var workflowKey = await new WorkflowKeyStore(store, Wrapper(oldKey), TimeProvider.System).CreateAsync("to-inbox", "alice@acme.example", Ct);

        var rotation = new KeyRotation(store, packages, new SealedObjects(store, rotatingWrapper),
            new WorkflowKeyStore(store, rotatingWrapper, TimeProvider.System), rotatingWrapper, Keys(newKey, oldKey), new DiscardingAuditLog(), NullLogger<KeyRotation>.Instance);
        var result = await rotation.RewrapAllAsync("admin@acme.example", Ct);

        Assert.Equal(3, result.Rewrapped);
        Assert.Equal(dataBefore, SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "workspaces/ws/report"), Ct)));
        // The old key can go: everything opens under the new one alone.
        var afterRotation = Wrapper(newKey);
        Assert.Equal(plaintext, await ReadAsync(new SealedObjects(store, afterRotation), "workspaces/ws/report"));
        var rewrapped = (await packages.GetAsync(packageId, Ct))!;
        Assert.Equal(32, afterRotation.Unwrap(rewrapped.WrappedServerSecret, PackageCreation.ServerSecretContext(packageId)).Length);
        var afterKeys = new WorkflowKeyStore(store, afterRotation, TimeProvider.System);
        using (var pair = afterKeys.OpenPrivateKey((await afterKeys.GetAsync("to-inbox", Ct))!))
            Assert.Equal(workflowKey.PublicKey, pair.PublicKey);
        Assert.Equal(0, (await rotation.RewrapAllAsync("admin@acme.example", Ct)).Rewrapped);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static async Task<byte[]> ReadAsync(SealedObjects objects, string key)
    {
        await using var stream = (await objects.OpenReadAsync(key, Ct))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    private static byte[] Content(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static PackageRecord APackage(string id, KekKeyWrapper wrapper) => new()
    {
        Id = id,
        Sender = "alice@acme.example",
        Files = [new PackageFile("f0", "a.txt", 1, "text/plain", 1)],
        VerifierHash = "",
        WrappedServerSecret = wrapper.Wrap(PackageKeys.GenerateServerSecret(), PackageCreation.ServerSecretContext(id)),
        State = PackageState.Complete,
    };

    private static KekKeyWrapper Wrapper(KeyEncryptionKey current, params KeyEncryptionKey[] previous) => new(Keys(current, previous));

    private static KeyEncryptionKeys Keys(KeyEncryptionKey current, params KeyEncryptionKey[] previous) => new(
        Options.Create(new KeyEncryptionOptions { Key = current.ToBase64(), PreviousKeys = string.Join(",", previous.Select(k => k.ToBase64())) }),
        Options.Create(new SafedropOptions { Mode = SafedropMode.Cluster }),
        Options.Create(new LocalModeOptions()));

    private sealed class DiscardingAuditLog : IAuditLog
    {
        public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
