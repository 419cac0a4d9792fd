using Safedrop.Api.Audit;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// The holder of a web link, as the audit log and the Workspace tree know them: every use is
/// <c>workspace.link.use</c> by <c>anonymous</c> on the link (with the client's address), and files uploaded
/// through it are recorded as <c>weblink:{id}</c>.
/// </summary>
public sealed record WebLinkActor(WebLinkRecord Link, string? ClientAddress) : IFileActor
{
    public const string Anonymous = "anonymous";

    public string RecordedAs => "weblink:" + Link.Id;

    /// <summary>A use of the link: <paramref name="operation"/> is view, download or upload; <paramref name="path"/> as asked or as reached.</summary>
    public AuditEvent Use(string operation, string path, AuditOutcome outcome, string? rule, IReadOnlyDictionary<string, string>? details = null)
    {
        var all = new Dictionary<string, string>(details ?? new Dictionary<string, string>())
        {
            ["linkId"] = Link.Id,
            ["operation"] = operation,
            ["path"] = path,
            ["permission"] = Link.Permission.ToString(),
        };
        return new AuditEvent(SharingRules.LinkUse, Anonymous, Link.Resource, outcome, rule ?? Link.Permission.ToString(), all) { ClientAddress = ClientAddress };
    }

    public AuditEvent Event(string action, string workspace, WorkspacePath path, AuditOutcome outcome, string? rule, Dictionary<string, string> details)
    {
        ArgumentNullException.ThrowIfNull(path);
        var operation = action switch
        {
            WorkspaceFiles.UploadAction => "upload",
            WorkspaceFiles.DownloadAction => "download",
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "A web link only downloads and uploads files."),
        };
        return Use(operation, path.Value, outcome, rule, details);
    }
}
