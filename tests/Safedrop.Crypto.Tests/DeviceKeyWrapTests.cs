using System.Security.Cryptography;

namespace Safedrop.Crypto.Tests;

public sealed class DeviceKeyWrapTests
{
    private const string PackageId = "pkg_a";

    [Fact]
    public void Should_Unwrap_The_Keycode_When_Wrapped_For_The_Registered_Public_Key()
    {
        using var device = DeviceKeyPair.Generate();
        var keycode = Keycode.Generate();

        var wrapped = DeviceKeyWrap.Wrap(keycode, device.PublicKey, PackageId);

        Assert.Equal(DeviceKeyWrap.WrappedSize, wrapped.Length);
        Assert.True(DeviceKeyWrap.Unwrap(device, wrapped, PackageId).Bytes.SequenceEqual(keycode.Bytes));
    }

    [Fact]
    public void Should_Fail_When_Another_Device_Or_Package_Unwraps()
    {
        using var device = DeviceKeyPair.Generate();
        using var other = DeviceKeyPair.Generate();
        var wrapped = DeviceKeyWrap.Wrap(Keycode.Generate(), device.PublicKey, PackageId);

        Assert.Throws<KeyUnwrapException>(() => DeviceKeyWrap.Unwrap(other, wrapped, PackageId));
        Assert.Throws<KeyUnwrapException>(() => DeviceKeyWrap.Unwrap(device, wrapped, "pkg_b"));
    }

    [Theory]
    [InlineData(0)] // point format byte
    [InlineData(40)] // ephemeral point (off the curve once flipped)
    [InlineData(70)] // nonce
    [InlineData(100)] // ciphertext
    [InlineData(124)] // tag
    public void Should_Fail_When_A_Byte_Of_The_Wrapped_Keycode_Is_Altered(int position)
    {
        using var device = DeviceKeyPair.Generate();
        var wrapped = DeviceKeyWrap.Wrap(Keycode.Generate(), device.PublicKey, PackageId);

        wrapped[position] ^= 0x01;

        Assert.Throws<KeyUnwrapException>(() => DeviceKeyWrap.Unwrap(device, wrapped, PackageId));
    }

    [Fact]
    public void Should_Keep_The_Key_When_Exported_And_Imported_As_Pkcs8_Or_Pem()
    {
        using var device = DeviceKeyPair.Generate();
        var keycode = Keycode.Generate();
        var wrapped = DeviceKeyWrap.Wrap(keycode, device.PublicKey, PackageId);

        using var fromDer = DeviceKeyPair.ImportPkcs8(device.ExportPkcs8());
        using var fromPem = DeviceKeyPair.ImportPkcs8Pem(device.ExportPkcs8Pem());

        Assert.Equal(device.PublicKey, fromDer.PublicKey);
        Assert.True(DeviceKeyWrap.Unwrap(fromPem, wrapped, PackageId).Bytes.SequenceEqual(keycode.Bytes));
    }

    [Fact]
    public void Should_Refuse_Keys_When_They_Are_Not_P256()
    {
        using var p384 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);

        Assert.ThrowsAny<CryptographicException>(() => DeviceKeyPair.ImportPkcs8(p384.ExportPkcs8PrivateKey()));
        Assert.ThrowsAny<CryptographicException>(() => DeviceKeyWrap.Wrap(Keycode.Generate(), Base64Url.Encode(p384.ExportSubjectPublicKeyInfo()), PackageId));
    }
}
