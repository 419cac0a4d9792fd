namespace Safedrop.Crypto.Tests;

public sealed class KeycodeTests
{
    [Fact]
    public void Should_Round_Trip_Through_Base64url_When_Generated()
    {
        var keycode = Keycode.Generate();

        var parsed = Keycode.Parse(keycode.ToBase64Url());

        Assert.Equal(Keycode.Size, parsed.Bytes.Length);
        Assert.True(parsed.Bytes.SequenceEqual(keycode.Bytes));
        Assert.False(Keycode.Generate().Bytes.SequenceEqual(keycode.Bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    public void Should_Refuse_To_Parse_When_Not_32_Bytes_Of_Unpadded_Base64url(string text)
    {
        Assert.False(Keycode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Keycode.Parse(text));
    }

    [Fact]
    public void Should_Not_Reveal_The_Secret_When_Formatted_As_Text()
    {
        var keycode = Keycode.Generate();

        Assert.DoesNotContain(keycode.ToBase64Url(), $"{keycode}", StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Hold_Only_Zeroes_When_Disposed()
    {
        var keycode = Keycode.Generate();

        keycode.Dispose();

        Assert.True(keycode.Bytes.IndexOfAnyExcept((byte)0) < 0);
    }
}
