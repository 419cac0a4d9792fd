using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Packages;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Crypto;
using static Safedrop.Api.Tests.Packages.DropzoneTenant;

namespace Safedrop.Api.Tests.Packages;

/// <summary>Packages live for their Dropzone's retention; uploads never completed are cleaned up.</summary>
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly (string, byte[])[] Files = [("a.log", PackageFlow.RandomBytes(1000))];

    // The fake clock would fire the periodic sweep while the test sweeps; the test drives every sweep itself.
    private static readonly Dictionary<string, string?> SweepOnlyWhenAsked = new() { ["Safedrop:Packages:SweepInterval"] = "40.00:00:00" };

    [Fact]
    public async Task Should_Delete_A_Package_And_Its_Parts_When_Its_Retention_Has_Passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = Create();
        await using var api = new LocalApi(folder.Path) { Settings = SweepOnlyWhenAsked, ConfigureTestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)) };
        using var uploader = await api.SignedInClientAsync(Uploader);
        var sent = await PackageFlow.UploadAsync(uploader, CreatePath, Files);
        var sweeper = api.Services.GetRequiredService<RetentionSweeper>();

        time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await sweeper.SweepAsync(Ct));
        time.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await sweeper.SweepAsync(Ct));

        Assert.False(Directory.Exists(Path.Combine(api.DataFolder, "objects", "packages", sent.PackageId)));
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await PackageFlow.OpenAsync(owner, sent.PackageId, sent.Keycode)).StatusCode);
    }

    [Fact]
    public async Task Should_Remove_An_Upload_That_Was_Never_Completed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = Create();
        await using var api = new LocalApi(folder.Path) { Settings = SweepOnlyWhenAsked, ConfigureTestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)) };
        using var uploader = await api.SignedInClientAsync(Uploader);
        var started = await PackageFlow.CreateAsync(uploader, CreatePath, Files, Keycode.Generate());
        await PackageFlow.UploadPartsAsync(uploader, started.Created, started.Keycode, Files);
        var sweeper = api.Services.GetRequiredService<RetentionSweeper>();

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await sweeper.SweepAsync(Ct));
        time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await sweeper.SweepAsync(Ct));

        Assert.False(Directory.Exists(Path.Combine(api.DataFolder, "objects", "packages", started.PackageId)));
    }
}
