using Safedrop.Operator.Platform;

namespace Safedrop.Operator.Tests.Platform;

public class PlatformNamesTests
{
    [Fact]
    public void Should_NameChildrenSafedropOrgComponent()
    {
        var names = new PlatformNames("acme");

        Assert.Equal("safedrop-acme-api", names.Api);
        Assert.Equal("safedrop-acme-config", names.Config);
        Assert.Equal("acme", names.Instance);
    }

    [Fact]
    public void Should_ReplaceDots_When_TheOrganizationNameIsASubdomain()
    {
        Assert.Equal("safedrop-acme-example-minio", new PlatformNames("acme.example").Minio);
    }

    [Fact]
    public void Should_ShortenEveryNameTo63Characters_When_TheOrganizationNameIsLong()
    {
        var names = new PlatformNames(new string('a', 40) + "." + new string('b', 200));

        string[] all = [names.Api, names.Config, names.KeyEncryptionKey, names.Minio, names.MinioHeadless, names.MinioCredentials,
            names.PinCache, names.PinCacheCredentials, names.SessionCache, names.SessionCacheCredentials];
        Assert.All(all, n => Assert.InRange(n.Length, 1, 63));
        Assert.InRange(names.Instance.Length, 1, 63);
    }

    [Fact]
    public void Should_KeepShortenedNamesApart_When_LongNamesShareAPrefix()
    {
        var prefix = new string('x', 60);

        Assert.NotEqual(new PlatformNames(prefix + "-one").Api, new PlatformNames(prefix + "-two").Api);
        Assert.NotEqual(new PlatformNames(prefix + "-one").Instance, new PlatformNames(prefix + "-two").Instance);
    }
}
