using System.Globalization;
using System.Net;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>SMTP through MailKit in cluster mode; the console and the dev mailbox in local mode.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<DevMailbox>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode == SafedropMode.Local
            ? ActivatorUtilities.CreateInstance<ConsoleMailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
        return services;
    }

    /// <summary><c>GET /dev/mailbox</c>: the mails local mode sent, newest first. Mapped in local mode only.</summary>
    public static IEndpointRouteBuilder MapDevMailbox(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode != SafedropMode.Local) return app;

        app.MapGet("/dev/mailbox", (DevMailbox mailbox) => TypedResults.Text(Render(mailbox.Mails), MediaTypeNames.Text.Html, Encoding.UTF8))
            .WithName("GetDevMailbox")
            .WithSummary("Mails sent in local mode")
            .WithDescription("Local mode only: the last 100 mails the API sent (PINs included), newest first.")
            .ExcludeFromDescription();
        return app;
    }

    private static string Render(IReadOnlyList<DevMail> mails)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Safedrop dev mailbox</title></head><body>");
        html.Append("<h1>Dev mailbox</h1><p>Local mode only: the last ").Append(DevMailbox.Capacity).Append(" mails, newest first.</p>");
        if (mails.Count == 0) html.Append("<p>No mail yet.</p>");
        foreach (var mail in mails)
        {
            html.Append("<article><h2>").Append(WebUtility.HtmlEncode(mail.Subject)).Append("</h2><p>To ")
                .Append(WebUtility.HtmlEncode(mail.To)).Append(", ")
                .Append(mail.SentAt.ToString("u", CultureInfo.InvariantCulture))
                .Append("</p><pre>").Append(WebUtility.HtmlEncode(mail.TextBody)).Append("</pre></article>");
        }

        return html.Append("</body></html>").ToString();
    }
}
