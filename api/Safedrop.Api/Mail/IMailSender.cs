namespace Safedrop.Api.Mail;

/// <summary>Sends one e-mail: SMTP through MailKit in a cluster, the console and the dev mailbox in local mode.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>A plain-text e-mail to one address. Never log <see cref="TextBody"/>: it may hold a PIN.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody);
