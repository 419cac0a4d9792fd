using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>The fixed numbers and mappings of sharing (SPEC §3), and the audit action names.</summary>
public static class SharingRules
{
    /// <summary>At most one invitation per share in this interval (the first one included).</summary>
    public static readonly TimeSpan ReinviteInterval = TimeSpan.FromMinutes(10);

    public const int DefaultLinkDays = 14;
    public const int MaxLinkDays = 365;

    public const string ShareCreate = "workspace.share.create";
    public const string ShareList = "workspace.share.list";
    public const string ShareApprove = "workspace.share.approve";
    public const string ShareReject = "workspace.share.reject";
    public const string ShareReinvite = "workspace.share.reinvite";
    public const string ShareRevoke = "workspace.share.revoke";
    public const string LinkCreate = "workspace.link.create";
    public const string LinkList = "workspace.link.list";
    public const string LinkRevoke = "workspace.link.revoke";
    public const string LinkUse = "workspace.link.use";

    /// <summary>SPEC §3: CoOwner and Modify map to DownloadAndUpload, View to ViewAndDownload.</summary>
    public static WebLinkPermission WebLinkPermissionFor(CollaboratorRole role) =>
        role == CollaboratorRole.View ? WebLinkPermission.ViewAndDownload : WebLinkPermission.DownloadAndUpload;
}
