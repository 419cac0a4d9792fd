namespace Safedrop.Api.Mail;

/// <summary>The SMTP relay could not be reached or refused the mail; the API answers 503 with a retry hint.</summary>
public sealed class MailUnavailableException : Exception
{
    public MailUnavailableException() { }

    public MailUnavailableException(string message) : base(message) { }

    public MailUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
