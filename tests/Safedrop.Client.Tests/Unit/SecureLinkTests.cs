using Safedrop.Crypto;

namespace Safedrop.Client.Tests.Unit;

public sealed class SecureLinkTests
{
    [Fact]
    public void Should_RoundTrip_When_FormattedAndParsed()
    {
        var keycode = Keycode.Generate();
        var link = new SecureLink(new Uri("https://safedrop.acme.example/base"), "abc234", keycode);

        Assert.Equal($"https://safedrop.acme.example/base/p/abc234#k={keycode.ToBase64Url()}", link.Url);
        var parsed = SecureLink.Parse(link.Url);
        Assert.Equal("abc234", parsed.PackageId);
        Assert.Equal(new Uri("https://safedrop.acme.example/base/"), parsed.BaseAddress);
        Assert.Equal(keycode.ToBase64Url(), parsed.Keycode!.ToBase64Url());
    }

    [Fact]
    public void Should_HideTheKeycode_When_Printed()
    {
        var keycode = Keycode.Generate();
        var link = new SecureLink(new Uri("https://h/"), "abc", keycode);

        Assert.DoesNotContain(keycode.ToBase64Url(), link.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://h/p/abc", link.UrlWithoutKeycode);
    }

    [Fact]
    public void Should_ParseWithoutKeycode_When_TheLinkHasNoFragment()
    {
        var link = SecureLink.Parse("http://localhost:5000/p/abc");

        Assert.Null(link.Keycode);
        Assert.Equal("abc", link.PackageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a link")]
    [InlineData("https://h/x/abc#k=AAAA")]
    [InlineData("https://h/p/abc#k=short")]
    [InlineData("https://h/p/abc#key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ftp://h/p/abc")]
    [InlineData("https://h/p/")]
    public void Should_Refuse_When_NotASafedropLink(string text) => Assert.False(SecureLink.TryParse(text, out _));
}
