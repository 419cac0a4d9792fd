namespace Safedrop.Crypto.Tests;

public sealed class Base64UrlTests
{
    [Theory]
    [InlineData(new byte[0], "")]
    [InlineData(new byte[] { 0xfb, 0xff }, "-_8")]
    [InlineData(new byte[] { 1, 2, 3 }, "AQID")]
    public void Should_Encode_Without_Padding_When_Given_Bytes(byte[] bytes, string expected)
    {
        Assert.Equal(expected, Base64Url.Encode(bytes));
        Assert.Equal(bytes, Base64Url.Decode(expected));
    }

    [Theory]
    [InlineData("-_8=")]
    [InlineData("+/8")]
    [InlineData("AQI D")]
    [InlineData("A")]
    [InlineData("-_9")]
    public void Should_Refuse_The_Text_When_It_Is_Not_Canonical_Unpadded_Base64url(string text)
    {
        Assert.False(Base64Url.TryDecode(text, out _));
        Assert.Throws<FormatException>(() => Base64Url.Decode(text));
    }
}
