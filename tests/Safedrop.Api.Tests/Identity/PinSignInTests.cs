using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

public sealed class PinSignInTests
{
    private const string Alice = TenantYaml.RegisteredUser;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Email_A_Pin_Of_The_Organizations_Length_When_Requested()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.RequestPinAsync(Alice);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, int>>(Ct);
        Assert.Equal(600, body!["expiresInSeconds"]);
        var mail = api.Mailbox.LatestTo(Alice)!;
        Assert.Matches(@"Your PIN: \d{8}\b", mail.TextBody);
        Assert.Contains("valid for 10 minutes", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("requested to sign in to Safedrop", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Sign_In_When_The_Emailed_Pin_Is_Entered()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var session = await api.SignInAsync(client, "  Alice@ACME.example ");

        Assert.Equal(Alice, session.Email);
        Assert.Equal(43, session.Token.Length);
        Assert.Contains(api.AuditEvents, e => e is { Action: "auth.pin.request", Outcome: AuditOutcome.Succeeded, Actor: Alice });
        Assert.Contains(api.AuditEvents, e => e is { Action: "auth.pin.verify", Outcome: AuditOutcome.Succeeded, Actor: Alice });
    }

    [Fact]
    public async Task Should_Answer_The_Same_When_The_Address_Is_Not_Registered()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var registered = await client.RequestPinAsync(Alice);
        var external = await client.RequestPinAsync(TenantYaml.UnregisteredUser);

        Assert.Equal(registered.StatusCode, external.StatusCode);
        Assert.Equal(await registered.Content.ReadAsStringAsync(Ct), await external.Content.ReadAsStringAsync(Ct));
        // Externals (Dropzone uploaders, recipients) sign in too.
        Assert.NotNull(api.Mailbox.LatestTo(TenantYaml.UnregisteredUser));
    }

    [Fact]
    public async Task Should_Refuse_With_400_When_The_Address_Is_Malformed()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.RequestPinAsync("not-an-address");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(api.Mailbox.Mails);
    }

    [Fact]
    public async Task Should_Count_Down_And_Void_When_Wrong_Pins_Are_Entered()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        await client.RequestPinAsync(Alice);
        var pin = api.LatestPin(Alice);
        var wrong = pin == "00000000" ? "11111111" : "00000000";

        var remaining = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.VerifyPinAsync(Alice, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
            Assert.Equal(ProblemTypes.PinInvalid, problem!.Type);
            remaining.Add(((System.Text.Json.JsonElement)problem.Extensions["remainingAttempts"]!).GetInt32());
        }

        Assert.Equal([4, 3, 2, 1, 0], remaining);
        var afterVoid = await client.VerifyPinAsync(Alice, pin);
        Assert.Equal(HttpStatusCode.Unauthorized, afterVoid.StatusCode);
        Assert.Equal(ProblemTypes.PinExpired, (await afterVoid.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
    }

    [Fact]
    public async Task Should_Refuse_The_Pin_When_It_Expired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { ConfigureTestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)) };
        using var client = api.CreateClient();
        await client.RequestPinAsync(Alice);
        var pin = api.LatestPin(Alice);

        time.Advance(TimeSpan.FromSeconds(601));
        var response = await client.VerifyPinAsync(Alice, pin);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemTypes.PinExpired, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
    }

    [Fact]
    public async Task Should_Replace_The_Pending_Pin_When_A_New_One_Is_Requested()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        await client.RequestPinAsync(Alice);
        var first = api.LatestPin(Alice);
        await client.RequestPinAsync(Alice);
        var second = api.LatestPin(Alice);

        if (first != second) Assert.Equal(HttpStatusCode.Unauthorized, (await client.VerifyPinAsync(Alice, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.VerifyPinAsync(Alice, second)).StatusCode);
    }

    [Fact]
    public async Task Should_Sign_In_Only_Once_When_The_Same_Pin_Is_Verified_Concurrently()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        await client.RequestPinAsync(Alice);
        var pin = api.LatestPin(Alice);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.VerifyPinAsync(Alice, pin)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task Should_Answer_429_With_Retry_After_When_One_Address_Asks_Too_Often()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Accepted, (await client.RequestPinAsync(Alice)).StatusCode);
        var limited = await client.RequestPinAsync(Alice);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.Equal(ProblemTypes.TooManyRequests, (await limited.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
        Assert.Equal(HttpStatusCode.Accepted, (await client.RequestPinAsync("bob@acme.example")).StatusCode);
        Assert.Contains(api.AuditEvents, e => e is { Action: "auth.pin.request", Outcome: AuditOutcome.Denied });
    }

    [Fact]
    public async Task Should_Answer_429_When_One_Client_Asks_For_Too_Many_Addresses()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Identity:PinRequestsPerClient"] = "3" } };
        using var client = api.CreateClient();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Accepted, (await client.RequestPinAsync($"user{i}@acme.example")).StatusCode);
        var limited = await client.RequestPinAsync("user9@acme.example");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Null(api.Mailbox.LatestTo("user9@acme.example"));
    }

    [Fact]
    public async Task Should_Answer_429_When_One_Client_Tries_Too_Many_Verifications()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Identity:PinVerificationsPerClient"] = "2" } };
        using var client = api.CreateClient();

        await client.VerifyPinAsync("a@acme.example", "12345678");
        await client.VerifyPinAsync("b@acme.example", "12345678");
        var limited = await client.VerifyPinAsync("c@acme.example", "12345678");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Should_Send_Nothing_When_Only_Pages_Are_Opened()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        await client.GetAsync("/v1/me", Ct);
        await client.GetAsync("/v1/auth/pin", Ct);

        Assert.Empty(api.Mailbox.Mails);
    }
}
