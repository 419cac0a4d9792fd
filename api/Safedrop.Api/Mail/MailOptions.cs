using Microsoft.Extensions.Options;
using MimeKit;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Mail;

public enum MailSecurity
{
    /// <summary>Plain SMTP (a relay on a trusted network).</summary>
    None,

    /// <summary>Upgrade with STARTTLS; refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Ssl,
}

/// <summary>Section <c>Safedrop:Mail</c>: the SMTP relay in cluster mode. The operator sets it from <c>spec.platform.mail</c>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Safedrop:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Sender address, optionally with a name: <c>Safedrop &lt;no-reply@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
}

public sealed class MailOptionsValidator(IConfiguration configuration) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mode = configuration.GetSection(SafedropOptions.SectionName).Get<SafedropOptions>()?.Mode ?? SafedropMode.Cluster;
        if (mode != SafedropMode.Cluster) return ValidateOptionsResult.Skip;

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            failures.Add("Safedrop:Mail:Host is required in cluster mode: declare spec.platform.mail in the Organization.");
        if (options.Port is < 1 or > 65535)
            failures.Add($"Safedrop:Mail:Port must be between 1 and 65535, not {options.Port}.");
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            failures.Add($"Safedrop:Mail:From must be an e-mail address, not '{options.From}'.");
        if (!Enum.IsDefined(options.Security))
            failures.Add("Safedrop:Mail:Security must be None, StartTls or Ssl.");
        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
            failures.Add("Safedrop:Mail:Password is required when Safedrop:Mail:UserName is set.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
