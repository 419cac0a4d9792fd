namespace Safedrop.Api.Mail;

/// <summary>
/// Local mode: prints each mail to standard output and keeps it in the <see cref="DevMailbox"/>. PINs are
/// visible here by design, on a developer's own machine only. Standard output rather than a logger, so the
/// mail never reaches a log pipeline.
/// </summary>
public sealed class ConsoleMailSender(DevMailbox mailbox) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mailbox.Add(mail);
        var text = $"""
            ---- mail (local mode) ----
            To: {mail.To}
            Subject: {mail.Subject}

            {mail.TextBody}
            ---------------------------

            """;
        await Console.Out.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
