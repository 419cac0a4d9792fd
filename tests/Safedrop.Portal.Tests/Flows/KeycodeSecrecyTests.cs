using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The keycode lives only in the link's fragment and the browser: no request ever carries it.</summary>
public sealed class KeycodeSecrecyTests(PortalHost host)
{
    [Fact]
    public async Task Should_SendTheKeycodeInNoRequest_When_APackageIsUploadedAndOpened()
    {
        await using var sender = await host.NewPageAsync();
        var link = await PortalFlows.UploadAsync(host, sender, PortalTenant.NewSender(), PortalFlows.TwoFiles(), PortalFlows.Message);
        var (_, keycode) = PortalFlows.Parse(link);

        await using var owner = await host.NewPageAsync();
        await owner.GotoAsync(link);
        await PortalFlows.SignInAsync(host, owner, PortalTenant.Owner);
        await Expect(owner.Locate("#package-message")).ToHaveTextAsync(PortalFlows.Message);
        await owner.Page.RunAndWaitForDownloadAsync(() => owner.Locate("#file-list .download").Last.ClickAsync());

        var requests = (await sender.RequestsAsync()).Concat(await owner.RequestsAsync()).ToList();
        // The recording saw the whole exchange: creation with a verifier, sealed parts up and down, opening.
        Assert.Contains(requests, r => r.Method == "POST" && r.Url.EndsWith($"/v1/dropzones/{PortalTenant.Dropzone}/packages", StringComparison.Ordinal) && r.Contains("\"verifier\""));
        Assert.Contains(requests, r => r.Method == "PUT" && r.Url.Contains("/v1/transfer/", StringComparison.Ordinal) && r.Body is { Length: > 0 });
        Assert.Contains(requests, r => r.Method == "GET" && r.Url.Contains("/v1/transfer/", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Method == "POST" && r.Url.EndsWith("/open", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.False(r.Contains(keycode), $"{r.Method} {r.Url} carries the keycode."));
    }
}
