using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Safedrop.Api.Mail;

/// <summary>
/// Cluster mode: one SMTP session per mail through MailKit. Mails are few (PINs, notifications), so a pooled
/// connection is not worth its failure modes.
/// </summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = mail.TextBody },
        };
        message.From.Add(MailboxAddress.Parse(settings.From ?? ""));
        message.To.Add(MailboxAddress.Parse(mail.To));

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host ?? "", settings.Port, SocketOptionsOf(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException
            or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            // The recipient is not logged: it is personal data and the subject tells what kind of mail failed.
            Log.SendFailed(logger, mail.Subject, settings.Host!, e);
            throw new MailUnavailableException($"The mail relay {settings.Host}:{settings.Port} did not take the mail: {e.Message}", e);
        }
    }

    private static SecureSocketOptions SocketOptionsOf(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Sending mail '{Subject}' through {Host} failed")]
        public static partial void SendFailed(ILogger logger, string subject, string host, Exception exception);
    }
}
