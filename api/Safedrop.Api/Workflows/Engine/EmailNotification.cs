using System.Text;
using Safedrop.Api.Mail;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>Mails the event to the action's recipients (the owner when none; the compiler admits only registered users).</summary>
public sealed class EmailNotification(IMailSender mail, IConfiguration configuration)
{
    public async Task<ActionAttempt> SendAsync(CompiledWorkflow workflow, EmailAction action, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        var recipients = action.To.Count > 0 ? action.To : [workflow.Owner];
        var subject = string.IsNullOrWhiteSpace(action.Subject) ? $"Safedrop: {Describe(workflowEvent)}" : action.Subject;
        var body = Body(workflow, workflowEvent);
        try
        {
            foreach (var to in recipients) await mail.SendAsync(new OutgoingMail(to, subject, body), cancellationToken);
            return ActionAttempt.Success($"sent to {recipients.Count} recipient(s)");
        }
        catch (MailUnavailableException)
        {
            return ActionAttempt.Failure("the mail server is unavailable");
        }
    }

    private string Body(CompiledWorkflow workflow, WorkflowEvent e)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfoInvariant($"Your workflow '{workflow.Name}' ran for: {Describe(e)}."));
        if (e.Sender is not null) text.AppendLine(CultureInfoInvariant($"From: {e.Sender}"));
        if (e.FileNames.Count > 0) text.AppendLine("Files: " + string.Join(", ", e.FileNames));
        if (e.PackageId is not null && configuration["Safedrop:PublicUrl"] is { Length: > 0 } publicUrl)
            text.AppendLine(CultureInfoInvariant($"Package: {publicUrl.TrimEnd('/')}/p/{e.PackageId}"));
        return text.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Describe(WorkflowEvent e) => e.Type switch
    {
        WorkflowTrigger.PackageReceived => "a package was received",
        WorkflowTrigger.PackageSent => "a package was sent",
        WorkflowTrigger.TransferCompleted => "a recipient downloaded every file of a package",
        WorkflowTrigger.DropzoneUploadReceived => $"an upload arrived in Dropzone {e.Dropzone}",
        WorkflowTrigger.WorkspaceFileUploaded => $"a file was uploaded to Workspace {e.Workspace}",
        _ => e.Type.ToString(),
    };
}
