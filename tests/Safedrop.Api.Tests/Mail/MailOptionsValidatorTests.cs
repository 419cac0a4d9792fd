using Microsoft.Extensions.Configuration;
using Safedrop.Api.Mail;

namespace Safedrop.Api.Tests.Mail;

public sealed class MailOptionsValidatorTests
{
    private static MailOptionsValidator In(string mode) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Safedrop:Mode"] = mode }).Build());

    [Fact]
    public void Should_Fail_When_Cluster_Mode_Has_No_Relay()
    {
        var result = In("Cluster").Validate(null, new MailOptions());

        Assert.True(result.Failed);
        Assert.Contains("spec.platform.mail", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fail_When_The_Sender_Is_Not_An_Address()
    {
        var result = In("Cluster").Validate(null, new MailOptions { Host = "smtp.acme.example", From = "nobody" });

        Assert.True(result.Failed);
        Assert.Contains("Safedrop:Mail:From", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Pass_When_The_Relay_Is_Complete()
    {
        var result = In("Cluster").Validate(null, new MailOptions { Host = "smtp.acme.example", From = "Safedrop <no-reply@acme.example>", Security = MailSecurity.Ssl, Port = 465 });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Should_Skip_When_In_Local_Mode()
    {
        Assert.True(In("Local").Validate(null, new MailOptions()).Skipped);
    }
}
