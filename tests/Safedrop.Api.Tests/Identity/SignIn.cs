using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

/// <summary>PIN sign-in steps for tests, through HTTP; the PIN is read from local mode's dev mailbox.</summary>
internal static partial class SignIn
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> RequestPinAsync(this HttpClient client, string email) =>
        client.PostAsJsonAsync("/v1/auth/pin", new { email }, Ct);

    public static Task<HttpResponseMessage> VerifyPinAsync(this HttpClient client, string email, string pin) =>
        client.PostAsJsonAsync("/v1/auth/pin/verify", new { email, pin }, Ct);

    /// <summary>The PIN in the newest mail to <paramref name="email"/>.</summary>
    public static string LatestPin(this LocalApi api, string email)
    {
        var mail = api.Mailbox.LatestTo(email) ?? throw new InvalidOperationException($"No mail to {email}.");
        return PinLine().Match(mail.TextBody).Groups[1].Value;
    }

    /// <summary>Requests and verifies a PIN; returns the session answer.</summary>
    public static async Task<SignedInResponse> SignInAsync(this LocalApi api, HttpClient client, string email)
    {
        var requested = await client.RequestPinAsync(email);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var verified = await client.VerifyPinAsync(email, api.LatestPin(email));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return (await verified.Content.ReadFromJsonAsync<SignedInResponse>(LocalApi.Json, Ct))!;
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public static HttpClient ClientWithToken(this LocalApi api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"Your PIN: (\d+)")]
    private static partial Regex PinLine();
}
