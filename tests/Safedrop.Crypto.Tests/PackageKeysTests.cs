namespace Safedrop.Crypto.Tests;

public sealed class PackageKeysTests
{
    private static readonly byte[] ServerSecret = PackageKeys.GenerateServerSecret();

    [Fact]
    public void Should_Derive_Distinct_Keys_When_Package_File_Or_Secret_Differ()
    {
        var keycode = Keycode.Generate();
        var key = PackageKeys.DeriveFileKey(keycode, ServerSecret, "pkg_a", "f_1");

        Assert.Equal(key, PackageKeys.DeriveFileKey(keycode, ServerSecret, "pkg_a", "f_1"));
        Assert.NotEqual(key, PackageKeys.DeriveFileKey(keycode, ServerSecret, "pkg_a", "f_2"));
        Assert.NotEqual(key, PackageKeys.DeriveFileKey(keycode, ServerSecret, "pkg_b", "f_1"));
        Assert.NotEqual(key, PackageKeys.DeriveFileKey(keycode, PackageKeys.GenerateServerSecret(), "pkg_a", "f_1"));
        Assert.NotEqual(key, PackageKeys.DeriveFileKey(Keycode.Generate(), ServerSecret, "pkg_a", "f_1"));
        Assert.Equal(PackageKeys.DeriveFileKey(keycode, ServerSecret, "pkg_a", "message"), PackageKeys.DeriveMessageKey(keycode, ServerSecret, "pkg_a"));
    }

    [Theory]
    [InlineData("pkg\0a", "f")]
    [InlineData("pkg", "")]
    public void Should_Refuse_Identifiers_When_They_Are_Empty_Or_Contain_The_Separator(string packageId, string fileId)
    {
        Assert.Throws<ArgumentException>(() => PackageKeys.DeriveFileKey(Keycode.Generate(), ServerSecret, packageId, fileId));
    }
}
