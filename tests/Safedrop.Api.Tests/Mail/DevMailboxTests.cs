using System.Net;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;

namespace Safedrop.Api.Tests.Mail;

public sealed class DevMailboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_List_Sent_Mails_Newest_First_When_The_Page_Is_Opened_In_Local_Mode()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        await client.RequestPinAsync("first@acme.example");
        await client.RequestPinAsync("second@acme.example");

        var response = await client.GetAsync("/dev/mailbox", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(html.IndexOf("second@acme.example", StringComparison.Ordinal) < html.IndexOf("first@acme.example", StringComparison.Ordinal));
        Assert.Contains(api.LatestPin("second@acme.example"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_Only_The_Last_100_Mails()
    {
        var mailbox = new Safedrop.Api.Mail.DevMailbox(TimeProvider.System);
        for (var i = 0; i < 120; i++) mailbox.Add(new($"u{i}@acme.example", "s", "b"));

        Assert.Equal(100, mailbox.Mails.Count);
        Assert.Equal("u119@acme.example", mailbox.Mails[0].To);
    }
}
