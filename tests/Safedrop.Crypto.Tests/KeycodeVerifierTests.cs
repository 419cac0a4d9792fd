namespace Safedrop.Crypto.Tests;

public sealed class KeycodeVerifierTests
{
    [Fact]
    public void Should_Match_When_The_Presented_Verifier_Is_The_Stored_One()
    {
        var verifier = Keycode.Generate().DeriveVerifier();
        var stored = KeycodeVerifier.Hash(verifier);

        Assert.True(KeycodeVerifier.Matches(stored, verifier));
    }

    [Fact]
    public void Should_Not_Match_When_Another_Keycode_Or_A_Truncated_Verifier_Is_Presented()
    {
        var verifier = Keycode.Generate().DeriveVerifier();
        var stored = KeycodeVerifier.Hash(verifier);

        Assert.False(KeycodeVerifier.Matches(stored, Keycode.Generate().DeriveVerifier()));
        Assert.False(KeycodeVerifier.Matches(stored, verifier.AsSpan(0, 31)));
        Assert.False(KeycodeVerifier.Matches(stored, []));
    }

    [Fact]
    public void Should_Differ_From_The_Keycode_And_Its_File_Keys_When_Derived()
    {
        var keycode = Keycode.Generate();
        var verifier = keycode.DeriveVerifier();

        Assert.False(verifier.AsSpan().SequenceEqual(keycode.Bytes));
        Assert.False(verifier.AsSpan().SequenceEqual(PackageKeys.DeriveFileKey(keycode, new byte[32], "p", "f")));
    }
}
