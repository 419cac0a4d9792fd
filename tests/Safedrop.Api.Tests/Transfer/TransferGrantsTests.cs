using Safedrop.Api.Encryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Configuration;
using Safedrop.Api.Storage;
using Safedrop.Api.Transfer;

namespace Safedrop.Api.Tests.Transfer;

public sealed class TransferGrantsTests
{
    private const string Kek = "c2FmZWRyb3AtdGVzdC1rZXktZW5jcnlwdGlvbi1rZXk=";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Should_Return_The_Grant_When_The_Token_Is_Verified_Before_Expiry()
    {
        var grants = Grants(Kek);
        var grant = new TransferGrant("packages/p1/f1/0", TransferDirection.Upload, 4242, time.GetUtcNow().AddMinutes(5));

        var verified = grants.Verify(grants.Sign(grant), TransferDirection.Upload);

        Assert.Equal(grant, verified);
    }

    [Fact]
    public void Should_Leave_The_Length_Out_When_The_Grant_Is_A_Download()
    {
        var grants = Grants(Kek);

        var verified = grants.Verify(grants.Sign(new TransferGrant("a/b", TransferDirection.Download, 99, time.GetUtcNow().AddMinutes(1))), TransferDirection.Download);

        Assert.Null(verified!.Length);
    }

    [Fact]
    public void Should_Refuse_When_Any_Byte_Of_The_Token_Is_Altered()
    {
        var grants = Grants(Kek);
        var token = grants.Sign(new TransferGrant("packages/p1/f1/0", TransferDirection.Download, null, time.GetUtcNow().AddMinutes(5)));
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);

        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            Assert.Null(grants.Verify(System.Buffers.Text.Base64Url.EncodeToString(altered), TransferDirection.Download));
        }
    }

    [Fact]
    public void Should_Refuse_When_The_Grant_Has_Expired()
    {
        var grants = Grants(Kek);
        var token = grants.Sign(new TransferGrant("a/b", TransferDirection.Download, null, time.GetUtcNow().AddMinutes(5)));

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(grants.Verify(token, TransferDirection.Download));
    }

    [Fact]
    public void Should_Refuse_When_The_Grant_Is_For_The_Other_Direction()
    {
        var grants = Grants(Kek);
        var token = grants.Sign(new TransferGrant("a/b", TransferDirection.Upload, 1, time.GetUtcNow().AddMinutes(5)));

        Assert.Null(grants.Verify(token, TransferDirection.Download));
    }

    [Fact]
    public void Should_Refuse_When_Another_Key_Signed_The_Token()
    {
        var token = Grants(Kek).Sign(new TransferGrant("a/b", TransferDirection.Download, null, time.GetUtcNow().AddMinutes(5)));

        Assert.Null(Grants(Convert.ToBase64String(new byte[32])).Verify(token, TransferDirection.Download));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("AQ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Should_Refuse_When_The_Token_Is_Malformed(string token)
    {
        Assert.Null(Grants(Kek).Verify(token, TransferDirection.Download));
    }

    [Fact]
    public void Should_Refuse_To_Sign_When_An_Upload_Has_No_Length()
    {
        Assert.Throws<ArgumentException>(() => Grants(Kek).Sign(new TransferGrant("a/b", TransferDirection.Upload, null, time.GetUtcNow())));
    }

    [Fact]
    public void Should_Keep_One_Key_When_Local_Mode_Restarts()
    {
        var data = Path.Combine(Path.GetTempPath(), "safedrop-api-tests", "data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var token = Grants(kek: null, data).Sign(new TransferGrant("a/b", TransferDirection.Download, null, time.GetUtcNow().AddMinutes(5)));

            Assert.NotNull(Grants(kek: null, data).Verify(token, TransferDirection.Download));
            Assert.True(File.Exists(Path.Combine(data, KeyEncryptionKeys.LocalKeyFile)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private TransferGrants Grants(string? kek, string? dataFolder = null)
    {
        var keys = new KeyEncryptionKeys(
            Options.Create(new KeyEncryptionOptions { Key = kek }),
            Options.Create(new SafedropOptions { Mode = dataFolder is null ? SafedropMode.Cluster : SafedropMode.Local }),
            Options.Create(new LocalModeOptions { DataFolder = dataFolder ?? "unused" }));
        var key = new TransferSigningKey(Options.Create(new TransferOptions()), keys);
        return new TransferGrants(key, time);
    }
}
