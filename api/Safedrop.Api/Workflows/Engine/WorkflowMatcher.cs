using System.Text.RegularExpressions;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// Which workflows run for an event. The owner filter (event owner == workflow owner) is applied first and alone
/// decides who can see the event; the workflow's own filters are then checked one by one and can only say no.
/// </summary>
public static class WorkflowMatcher
{
    public static IReadOnlyList<CompiledWorkflow> Match(TenantConfig config, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        return [.. config.Workflows.Values
            .Where(w => string.Equals(w.Owner, workflowEvent.PackageOwnerId, StringComparison.Ordinal))
            .Where(w => w.Enabled && w.Trigger == workflowEvent.Type)
            .Where(w => Narrowed(w, workflowEvent))
            .OrderBy(w => w.Name, StringComparer.Ordinal)];
    }

    /// <summary>True when every filter the workflow sets admits the event; an empty filter admits everything.</summary>
    private static bool Narrowed(CompiledWorkflow workflow, WorkflowEvent e)
    {
        var filters = workflow.Filters;
        if (filters.Dropzones.Count > 0 && (e.Dropzone is null || !filters.Dropzones.Contains(e.Dropzone, StringComparer.Ordinal)))
            return false;
        if (filters.Workspaces.Count > 0 && (e.Workspace is null || !filters.Workspaces.Contains(e.Workspace, StringComparer.Ordinal)))
            return false;
        if (filters.SenderDomains.Count > 0 && (SenderDomain(e.Sender) is not { } domain
            || !filters.SenderDomains.Contains(domain, StringComparer.OrdinalIgnoreCase)))
            return false;
        if (filters.FileNamePatterns.Count > 0 && !e.FileNames.Any(name => filters.FileNamePatterns.Any(p => Glob(p, name))))
            return false;
        return true;
    }

    private static string? SenderDomain(string? sender) =>
        sender is not null && sender.LastIndexOf('@') is var at and > 0 ? sender[(at + 1)..] : null;

    /// <summary>* is any run of characters, ? one character; case-insensitive, like file names on most desktops.</summary>
    public static bool Glob(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }
}
