namespace Safedrop.Crypto.Tests;

public sealed class KeyEncryptionKeyTests
{
    [Fact]
    public void Should_Parse_The_Secret_Value_When_Base64_With_Or_Without_Padding()
    {
        var kek = KeyEncryptionKey.Generate();
        var text = kek.ToBase64();

        Assert.Equal(kek.KeyId, KeyEncryptionKey.Parse(text).KeyId);
        Assert.Equal(kek.KeyId, KeyEncryptionKey.Parse(" " + text.TrimEnd('=') + "\n").KeyId);
        Assert.Matches("^[0-9a-f]{16}$", kek.KeyId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all!")]
    public void Should_Refuse_The_Value_When_It_Is_Not_32_Bytes_Of_Base64(string text)
    {
        Assert.Throws<FormatException>(() => KeyEncryptionKey.Parse(text));
    }

    [Fact]
    public void Should_Show_Only_The_Key_Id_When_Formatted_As_Text()
    {
        var kek = KeyEncryptionKey.Generate();

        Assert.Equal($"KeyEncryptionKey({kek.KeyId})", kek.ToString());
    }
}
