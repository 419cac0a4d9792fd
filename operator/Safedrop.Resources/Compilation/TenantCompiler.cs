using System.Security.Cryptography;
using System.Text.Json;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// The tenant compiler: a pure function from one namespace's resources to the config the API
/// enforces and the status of every resource. Every rule of SPEC.md that YAML alone decides lives here.
/// </summary>
public static class TenantCompiler
{
    public static CompilationResult Compile(TenantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organization = OrganizationRules.Compile(input);
        if (organization.InForce is null)
            return WithoutOrganization(input, organization);

        var context = new CompileContext(input, organization.InForce) { ForeignDomains = organization.ForeignDomains };
        var (groups, groupVerdicts) = SecurityGroupRules.Compile(context);
        context.Permissions = PermissionTable.Build(groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal), SecurityGroupRules.Unavailable(context.Features));
        var (dropzones, dropzoneVerdicts) = DropzoneRules.Compile(context);
        var (workspaces, workspaceVerdicts) = WorkspaceRules.Compile(context);
        var (workflows, workflowVerdicts) = WorkflowRules.Compile(context, workspaces);

        var config = WithRevision(new TenantConfig
        {
            Namespace = input.Namespace,
            Organization = organization.InForce,
            Dropzones = Sorted(dropzones),
            SecurityGroups = Sorted(groups),
            Workspaces = Sorted(workspaces),
            Workflows = Sorted(workflows),
            Permissions = context.Permissions,
            ForeignDomains = new SortedDictionary<string, string>(organization.ForeignDomains, StringComparer.Ordinal),
        });

        var counts = new ResourceCounts
        {
            Dropzones = Count(dropzoneVerdicts),
            SecurityGroups = Count(groupVerdicts),
            Workspaces = Count(workspaceVerdicts),
            PersonalWorkflows = Count(workflowVerdicts),
        };
        var organizationVerdicts = organization.Builders.Select((b, i) => b.Build(
            $"{organization.InForce.Plan} plan; {counts.Dropzones.Ready}/{counts.Dropzones.Total} Dropzones, {counts.Workspaces.Ready}/{counts.Workspaces.Total} Workspaces, {counts.SecurityGroups.Ready}/{counts.SecurityGroups.Total} Security Groups, {counts.PersonalWorkflows.Ready}/{counts.PersonalWorkflows.Total} Personal Workflows Ready.",
            i == 0 ? InForce.LastValid : InForce.None,
            organization.InForce.Generation,
            i == 0 ? new OrganizationFacts(organization.InForce.Plan.ToString(), counts, config.Revision) : null));

        return new CompilationResult(config, [.. organizationVerdicts, .. groupVerdicts, .. dropzoneVerdicts, .. workspaceVerdicts, .. workflowVerdicts]);
    }

    /// <summary>A namespace's Organizations, the governing one first: the oldest, then by name.</summary>
    public static List<Organization> ByPrecedence(IEnumerable<Organization> organizations) =>
        [.. organizations.OrderBy(OrganizationRules.CreatedAt).ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>With no valid Organization nothing is enforced: every other resource waits for one.</summary>
    private static CompilationResult WithoutOrganization(TenantInput input, OrganizationRules.Outcome organization)
    {
        var reason = organization.Governing is null
            ? $"Namespace '{input.Namespace}' has no Organization; declare one to enforce this resource."
            : $"Organization '{organization.Governing.Metadata.Name}' is not Ready and has no valid configuration yet.";
        var verdicts = organization.Builders.Select(b => b.Build("", InForce.None, null)).ToList();
        foreach (var resource in input.All.Where(r => r is not Organization))
        {
            var check = new VerdictBuilder(resource.Kind, resource);
            check.Fail(ConditionTypes.SpecValid, Reasons.OrganizationNotReady, reason);
            verdicts.Add(check.Build("", InForce.None, null));
        }

        return new CompilationResult(WithRevision(TenantConfig.Empty(input.Namespace)), verdicts);
    }

    private static KindCount Count(List<ResourceVerdict> verdicts) => new() { Ready = verdicts.Count(v => v.Ready), Total = verdicts.Count };

    private static SortedDictionary<string, T> Sorted<T>(Dictionary<string, T> items) => new(items, StringComparer.Ordinal);

    private static TenantConfig WithRevision(TenantConfig config)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(config with { Revision = "" }, TenantConfigJson.Options);
        return config with { Revision = Convert.ToHexStringLower(SHA256.HashData(json))[..16] };
    }
}
