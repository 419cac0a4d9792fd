using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Api.Identity;
using Safedrop.Api.Mail;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Mail;

/// <summary>The cluster set-up for sign-in: PINs in Redis, mail through MailKit to a real SMTP server (the sink).</summary>
public sealed partial class SmtpDeliveryTests(RedisServer redis)
{
    private const string Alice = TenantYaml.RegisteredUser;
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(5);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Deliver_The_Pin_By_Smtp_And_Sign_In_Once_When_Caches_Are_Redis()
    {
        await using var sink = SmtpSink.Start();
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { ConfigureTestServices = services => UseClusterParts(services, sink) };
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.Accepted, (await client.RequestPinAsync(Alice)).StatusCode);
        var message = await sink.NextMessageAsync(Alice, SignalTimeout, Ct);

        Assert.Equal("no-reply@acme.example", message.From);
        Assert.Equal("Your Safedrop PIN", message.Message.Subject);
        Assert.Equal("relay-user", message.AuthenticatedUser);
        var pin = PinLine().Match(message.TextBody).Groups[1].Value;
        Assert.Equal(8, pin.Length);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.VerifyPinAsync(Alice, pin)));
        var signedIn = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var session = (await signedIn.Content.ReadFromJsonAsync<SignedInResponse>(LocalApi.Json, Ct))!;
        using var authenticated = api.ClientWithToken(session.Token);
        Assert.Equal(HttpStatusCode.OK, (await authenticated.GetAsync("/v1/me", Ct)).StatusCode);
        Assert.Empty(api.Mailbox.Mails);
    }

    [Fact]
    public async Task Should_Answer_503_When_The_Relay_Is_Unreachable()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path)
        {
            ConfigureTestServices = services =>
            {
                services.AddSingleton<IMailSender, SmtpMailSender>();
                services.AddSingleton(Options.Create(new MailOptions { Host = "127.0.0.1", Port = FreePort.Next(), From = "no-reply@acme.example", Security = MailSecurity.None }));
            },
        };
        using var client = api.CreateClient();

        var response = await client.RequestPinAsync(Alice);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private void UseClusterParts(IServiceCollection services, SmtpSink sink)
    {
        services.AddKeyedSingleton<IKeyValueCache>(CacheNames.Pin, new RedisKeyValueCache(CacheNames.Pin, redis.ConnectionString));
        services.AddKeyedSingleton<IKeyValueCache>(CacheNames.Session, new RedisKeyValueCache(CacheNames.Session, redis.ConnectionString));
        services.Replace(ServiceDescriptor.Singleton<IMailSender, SmtpMailSender>());
        services.AddSingleton(Options.Create(new MailOptions
        {
            Host = sink.Host,
            Port = sink.Port,
            From = "no-reply@acme.example",
            UserName = "relay-user",
            Password = "relay-password",
            Security = MailSecurity.None,
        }));
    }

    [GeneratedRegex(@"Your PIN: (\d+)")]
    private static partial Regex PinLine();
}
