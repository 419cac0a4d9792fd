namespace Safedrop.Api.Mail;

/// <summary>
/// Local mode's mailbox: the last <see cref="Capacity"/> mails sent, newest first, for the dev mailbox page and
/// tests. Never registered in cluster mode, where mails hold PINs that only their recipient may see.
/// </summary>
public sealed class DevMailbox(TimeProvider time)
{
    public const int Capacity = 100;
    private readonly Lock gate = new();
    private readonly LinkedList<DevMail> mails = new();

    public void Add(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        lock (gate)
        {
            mails.AddFirst(new DevMail(mail.To, mail.Subject, mail.TextBody, time.GetUtcNow()));
            while (mails.Count > Capacity) mails.RemoveLast();
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DevMail> Mails
    {
        get
        {
            lock (gate) return [.. mails];
        }
    }

    /// <summary>The newest mail to <paramref name="to"/> (compared case-insensitively), if any.</summary>
    public DevMail? LatestTo(string to) => Mails.FirstOrDefault(m => string.Equals(m.To, to.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record DevMail(string To, string Subject, string TextBody, DateTimeOffset SentAt);
