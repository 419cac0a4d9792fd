using System.Globalization;
using Safedrop.Api.Http;

namespace Safedrop.Api.Workspaces;

/// <summary>Refusals shared by the Workspace services.</summary>
public static class WorkspaceProblems
{
    public static ApiProblem NotServing { get; } =
        new(503, ProblemTypes.NotReady, "Not ready", "No valid tenant configuration is in force yet.");

    public static ApiProblem NotFound(string workspace) =>
        new(404, ProblemTypes.WorkspaceNotFound, "Workspace not found", $"There is no Workspace {workspace} you have a role in.");

    public static ApiProblem NotReady(string workspace) =>
        new(409, ProblemTypes.WorkspaceNotReady, "Workspace is being created",
            $"Workspace {workspace} was created and is not in force yet: its resource has not been compiled. Retry in a few seconds; if it persists, its status says why (for example a missing WorkspaceOwnership).")
        {
            Extensions = new Dictionary<string, object?> { ["workspace"] = workspace },
        };

    public static ApiProblem RoleMissing(string workspace, WorkspaceRole needed, EffectiveRole held, string doing) =>
        new(403, ProblemTypes.WorkspaceRoleMissing, $"Role {needed} needed",
            $"{doing} in Workspace {workspace} needs the {needed} role; you hold {held.Role}{(held.External ? " (external collaborators hold at most Modify)" : "")}.")
        {
            Extensions = new Dictionary<string, object?> { ["neededRole"] = needed.ToString(), ["role"] = held.Role.ToString() },
        };

    public static ApiProblem PathInvalid(string? path, string reason) =>
        new(400, ProblemTypes.WorkspacePathInvalid, "Invalid path", $"'{path}' is not a valid path: {reason}")
        {
            Extensions = new Dictionary<string, object?> { ["path"] = path },
        };

    public static ApiProblem EntryNotFound(string workspace, WorkspacePath path, string what = "file or folder") =>
        new(404, ProblemTypes.WorkspaceEntryNotFound, "Not found", $"There is no {what} '{path}' in Workspace {workspace}.")
        {
            Extensions = new Dictionary<string, object?> { ["path"] = path.Value },
        };

    public static ApiProblem Conflict(WorkspacePath path, string detail) =>
        new(409, ProblemTypes.WorkspaceEntryConflict, "Conflicts with an existing entry", detail)
        {
            Extensions = new Dictionary<string, object?> { ["path"] = path.Value },
        };

    public static ApiProblem Full(string workspace, long fileBytes, long usedBytes, long quotaBytes) =>
        new(507, ProblemTypes.WorkspaceFull, "Workspace full",
            $"Workspace {workspace} holds {Bytes(usedBytes)} of its {Bytes(quotaBytes)} quota; {Bytes(fileBytes)} more do not fit. Delete files or ask the owner for a larger quota.")
        {
            Extensions = QuotaFacts(fileBytes, usedBytes, quotaBytes),
        };

    public static ApiProblem FileTooLarge(string workspace, long fileBytes, long usedBytes, long quotaBytes) =>
        new(413, ProblemTypes.WorkspaceFileTooLarge, "File larger than the quota",
            $"The file ({Bytes(fileBytes)}) is larger than Workspace {workspace}'s whole quota of {Bytes(quotaBytes)}.")
        {
            Extensions = QuotaFacts(fileBytes, usedBytes, quotaBytes),
        };

    public static ApiProblem LengthRequired { get; } =
        new(411, ProblemTypes.ContentLengthRequired, "Content-Length required",
            "Send the file's size as Content-Length: the quota is checked before any byte is stored.");

    public static ApiProblem LengthMismatch(long declared) =>
        new(400, ProblemTypes.ContentLengthRequired, "Body does not match Content-Length",
            $"The body did not hold the {declared} bytes Content-Length declared; nothing was stored.");

    private static Dictionary<string, object?> QuotaFacts(long fileBytes, long usedBytes, long quotaBytes) => new()
    {
        ["fileBytes"] = fileBytes,
        ["usedBytes"] = usedBytes,
        ["quotaBytes"] = quotaBytes,
    };

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
