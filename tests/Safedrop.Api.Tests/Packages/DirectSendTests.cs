using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Http;
using Safedrop.Api.Packages;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Crypto;

namespace Safedrop.Api.Tests.Packages;

/// <summary>A registered user sends a package to recipients; only they and the sender may open it.</summary>
public sealed class DirectSendTests
{
    private const string Sender = TenantYaml.RegisteredUser;
    private const string Recipient = "partner@other.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly (string, byte[])[] Files = [("contract.pdf", PackageFlow.RandomBytes(5 * 1024 * 1024))];

    [Fact]
    public async Task Should_Deliver_To_The_Recipient_And_List_In_Both_Boxes_When_A_Registered_User_Sends()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var sender = await api.SignedInClientAsync(Sender);
        var sent = await PackageFlow.UploadAsync(sender, "/v1/packages", Files, recipients: [" Partner@Other.example "], message: "Please sign");
        Assert.Contains($"/p/{sent.PackageId}", api.Mailbox.LatestTo(Recipient)!.TextBody, StringComparison.Ordinal);
        using var recipient = await api.SignedInClientAsync(Recipient);

        var response = await PackageFlow.OpenAsync(recipient, sent.PackageId, sent.Keycode);

        var opened = (await response.Content.ReadFromJsonAsync<OpenedPackage>(LocalApi.Json, Ct))!;
        Assert.Equal(Files[0].Item2, await PackageFlow.DownloadAsync(recipient, opened, sent.Keycode, "f0"));
        Assert.Equal("Please sign", PackageFlow.OpenMessage(opened, sent.Keycode));
        var received = (await recipient.GetFromJsonAsync<PackageSummary[]>("/v1/packages?box=received", LocalApi.Json, Ct))!;
        var sentBox = (await sender.GetFromJsonAsync<PackageSummary[]>("/v1/packages?box=sent", LocalApi.Json, Ct))!;
        Assert.Equal([sent.PackageId], received.Select(p => p.PackageId));
        Assert.Equal([sent.PackageId], sentBox.Select(p => p.PackageId));
        Assert.Equal([Recipient], sentBox[0].Recipients);
    }

    [Fact]
    public async Task Should_Refuse_Anyone_Else_Even_With_The_Link()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var sender = await api.SignedInClientAsync(Sender);
        var sent = await PackageFlow.UploadAsync(sender, "/v1/packages", Files, recipients: [Recipient]);
        using var colleague = await api.SignedInClientAsync("colleague@other.example");

        var response = await PackageFlow.OpenAsync(colleague, sent.PackageId, sent.Keycode);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_Refuse_A_Send_From_An_External_Address()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var external = await api.SignedInClientAsync(TenantYaml.UnregisteredUser);

        var response = await external.PostAsJsonAsync("/v1/packages", new
        {
            recipients = new[] { Sender },
            files = new[] { new { name = "a.txt", size = 1 } },
            verifier = Base64Url.Encode(KeycodeVerifier.Derive(Keycode.Generate())),
        }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemTypes.SenderNotRegistered, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    public async Task Should_Refuse_A_Send_Without_Valid_Recipients(string recipientList)
    {
        var recipients = recipientList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var sender = await api.SignedInClientAsync(Sender);

        var response = await sender.PostAsJsonAsync("/v1/packages", new
        {
            recipients,
            files = new[] { new { name = "a.txt", size = 1 } },
            verifier = Base64Url.Encode(KeycodeVerifier.Derive(Keycode.Generate())),
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.InvalidPackage, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
    }
}
