using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Packages;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Api.SecurityGroups;

/// <summary>
/// Admins' membership changes (SPEC §2). A change is checked against the configuration in force, written
/// back to the SecurityGroup resource through <see cref="IResourceWriter"/> (checked once more against the
/// resource as read then), audited, and enforced when the written resource is compiled: the API never
/// keeps a private copy of who is in a group.
/// </summary>
public sealed class SecurityGroupMembership(TenantConfigStore store, IResourceWriter writer, IAuditLog audit)
{
    public const string AddAction = "securitygroup.members.add";
    public const string RemoveAction = "securitygroup.members.remove";

    public Outcome<IReadOnlyList<SecurityGroupSummary>> List()
    {
        if (InForce() is { Problem: { } problem }) return problem;
        var config = store.Current.Config!;
        return config.SecurityGroups.Values
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new SecurityGroupSummary(g.Name, g.DisplayName,
                [.. g.Permissions.Select(p => p.ToString()).Order(StringComparer.Ordinal)],
                [.. g.Members.Order(StringComparer.Ordinal)],
                [.. g.Dropzones.Order(StringComparer.Ordinal)],
                g.Generation))
            .ToList();
    }

    public async Task<Outcome<MembershipChanged>> AddAsync(string name, AddMembersBody body, EditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(actor);
        var inForce = InForce(name);
        if (inForce.Problem is { } problem) return problem;
        var (config, group) = inForce.Value;

        var (addresses, errors) = MemberList.Parse(body.Members, config, group!.Members);
        if (errors.Count > 0) return await RefuseAsync(AddAction, name, actor, SecurityGroupProblems.InvalidMembers(errors), cancellationToken);

        List<MemberEntryError> late = [];
        IReadOnlyList<SchemaViolation> violations = [];
        SecurityGroup? written = null;
        var outcome = await WriteAsync(name, resource =>
        {
            // The resource may be newer than the config in force (a Git edit not compiled yet).
            late = MemberList.AlreadyMembers(addresses, resource.Spec.Members);
            if (late.Count > 0) return false;
            resource.Spec.Members = [.. resource.Spec.Members ?? [], .. addresses.Select(a => a.Value)];
            violations = ResourceDocuments.Validate(resource);
            if (violations.Count > 0) return false;
            written = resource;
            return true;
        }, cancellationToken);
        if (outcome is { } refused) return await RefuseAsync(AddAction, name, actor, refused, cancellationToken);
        if (late.Count > 0) return await RefuseAsync(AddAction, name, actor, SecurityGroupProblems.InvalidMembers(late), cancellationToken);
        if (violations.Count > 0) return await RefuseAsync(AddAction, name, actor, SecurityGroupProblems.InvalidMembers(violations), cancellationToken);

        return await AnswerAsync(AddAction, name, [.. addresses.Select(a => a.Value)], written!, actor, cancellationToken);
    }

    public async Task<Outcome<MembershipChanged>> RemoveAsync(string name, string email, EditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (InForce(name) is { Problem: { } problem }) return problem;
        if (!EmailAddress.TryParse(email, out var address))
        {
            return await RefuseAsync(RemoveAction, name, actor, SecurityGroupProblems.InvalidMembers(
                [new MemberEntryError(email, MemberList.Reasons.Malformed, $"'{email}' is not an e-mail address.")]), cancellationToken);
        }

        var member = false;
        SecurityGroup? written = null;
        var outcome = await WriteAsync(name, resource =>
        {
            var members = resource.Spec.Members ?? [];
            member = members.Any(m => Same(m, address));
            if (!member) return false;
            resource.Spec.Members = [.. members.Where(m => !Same(m, address))];
            written = resource;
            return true;
        }, cancellationToken);
        if (outcome is { } refused) return await RefuseAsync(RemoveAction, name, actor, refused, cancellationToken);
        if (!member) return await RefuseAsync(RemoveAction, name, actor, SecurityGroupProblems.MemberNotFound(name, address.Value), cancellationToken);

        return await AnswerAsync(RemoveAction, name, [address.Value], written!, actor, cancellationToken);
    }

    private static bool Same(string member, EmailAddress address) =>
        EmailAddress.TryParse(member, out var parsed) && parsed.Value == address.Value;

    /// <summary>The config and group in force, or why membership cannot be managed now.</summary>
    private Outcome<(TenantConfig Config, CompiledSecurityGroup? Group)> InForce(string? name = null)
    {
        if (store.Current.Config is not { Organization: { } organization } config) return PackageProblems.NotServing;
        if (!organization.Features.SecurityGroups) return SecurityGroupProblems.Unavailable(organization);
        if (name is null) return (config, null);
        return config.SecurityGroups.TryGetValue(name, out var group) ? (config, group) : SecurityGroupProblems.NotFound(name);
    }

    /// <summary>Null when the write went through (or <paramref name="change"/> declined), else the problem.</summary>
    private async Task<ApiProblem?> WriteAsync(string name, Func<SecurityGroup, bool> change, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.UpdateAsync(name, change, cancellationToken) ? null : SecurityGroupProblems.NotFound(name);
        }
        catch (ResourceConflictException e)
        {
            return SecurityGroupProblems.WriteConflict(e.Message);
        }
        catch (ResourceInvalidException e)
        {
            return SecurityGroupProblems.InvalidMembers(e.Violations);
        }
    }

    private async Task<Outcome<MembershipChanged>> AnswerAsync(
        string action, string name, IReadOnlyList<string> changed, SecurityGroup written, EditActor actor, CancellationToken cancellationToken)
    {
        var generation = written.Metadata.Generation;
        await audit.RecordAsync(actor.Event(action, "securitygroup/" + name, AuditOutcome.Succeeded, details: new Dictionary<string, string>
        {
            ["members"] = string.Join(",", changed),
            ["generation"] = generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        }), cancellationToken);
        return new MembershipChanged(name, action, changed, written.Spec.Members.Count, Written: true, generation,
            written.Metadata.ResourceVersion, store.Current.Config?.Revision ?? "");
    }

    /// <summary>A refused change is audited too (it changed nothing), then answered.</summary>
    private async Task<Outcome<MembershipChanged>> RefuseAsync(string action, string name, EditActor actor, ApiProblem problem, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(actor.Event(action, "securitygroup/" + name, AuditOutcome.Failed, details: new Dictionary<string, string>
        {
            ["problem"] = problem.Type[ProblemTypes.Prefix.Length..],
        }), cancellationToken);
        return problem;
    }
}
