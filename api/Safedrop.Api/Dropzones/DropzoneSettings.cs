using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Packages;
using Safedrop.Api.SecurityGroups;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Api.Dropzones;

/// <summary>
/// Edits of a Dropzone's settings and members by its owner or a DropzoneManager, written back to the
/// Dropzone resource and checked with the CRD's own schema (the rules kubectl and local mode apply), so
/// the API never writes what the cluster or the folder reader would refuse.
/// </summary>
public sealed class DropzoneSettings(TenantConfigStore store, IResourceWriter writer, IAuditLog audit)
{
    public const string UpdateAction = "dropzone.update";

    public async Task<Outcome<DropzoneSettingsChanged>> UpdateAsync(string name, DropzoneSettingsPatch patch, EditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(actor);
        if (store.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;
        if (!config.Dropzones.TryGetValue(name, out var dropzone)) return PackageProblems.DropzoneNotFound(name);

        var access = DropzoneManagerAccess.Decide(config, dropzone, actor.Address);
        if (access.Problem is { } denied)
        {
            await audit.RecordAsync(actor.Event(UpdateAction, "dropzone/" + name, AuditOutcome.Denied, DropzoneManagerAccess.ManagerRule), cancellationToken);
            return denied;
        }

        var (added, addErrors) = patch.Members?.Add is { } add ? MemberList.Parse(add, config, dropzone.Members) : ([], []);
        var (removed, removeErrors) = ParseRemovals(patch.Members?.Remove);
        if (addErrors.Count + removeErrors.Count > 0) return SecurityGroupProblems.InvalidMembers([.. addErrors, .. removeErrors]);

        List<string> changed = [];
        List<MemberEntryError> late = [];
        IReadOnlyList<SchemaViolation> violations = [];
        Dropzone? written = null;
        var found = false;
        try
        {
            found = await writer.UpdateAsync<Dropzone>(name, resource =>
            {
                late = Apply(resource, patch, added, removed, changed = []);
                if (late.Count > 0) return false;
                violations = ResourceDocuments.Validate(resource);
                if (violations.Count > 0) return false;
                written = resource;
                return changed.Count > 0;
            }, cancellationToken);
        }
        catch (ResourceConflictException e)
        {
            return SecurityGroupProblems.WriteConflict(e.Message);
        }
        catch (ResourceInvalidException e)
        {
            violations = e.Violations;
        }

        if (late.Count > 0) return SecurityGroupProblems.InvalidMembers(late);
        if (violations.Count > 0) return Invalid(violations);
        if (!found) return PackageProblems.DropzoneNotFound(name);
        if (changed.Count == 0) return new DropzoneSettingsChanged(name, [], [.. dropzone.Members.Order(StringComparer.Ordinal)], false, dropzone.Generation, null);

        await audit.RecordAsync(actor.Event(UpdateAction, "dropzone/" + name, AuditOutcome.Succeeded, access.Value, new Dictionary<string, string>
        {
            ["changed"] = string.Join(",", changed),
            ["membersAdded"] = string.Join(",", added.Select(a => a.Value)),
            ["membersRemoved"] = string.Join(",", removed.Select(a => a.Value)),
        }), cancellationToken);
        return new DropzoneSettingsChanged(name, changed, [.. written!.Spec.Members], true, written.Metadata.Generation, written.Metadata.ResourceVersion);
    }

    /// <summary>Applies the patch; returns the member entries that no longer fit the resource as read now.</summary>
    private static List<MemberEntryError> Apply(Dropzone resource, DropzoneSettingsPatch patch, IReadOnlyList<EmailAddress> added, IReadOnlyList<EmailAddress> removed, List<string> changed)
    {
        var spec = resource.Spec;
        void Text(string field, string? value, string? current, Action<string?> assign)
        {
            // An empty string clears an optional text; null leaves it as it is.
            if (value is null || (value.Length == 0 ? null : value) == current) return;
            assign(value.Length == 0 ? null : value);
            changed.Add(field);
        }

        void Value<T>(string field, T? value, T current, Action<T> assign) where T : struct
        {
            if (value is not { } set || EqualityComparer<T>.Default.Equals(set, current)) return;
            assign(set);
            changed.Add(field);
        }

        Text("displayName", patch.DisplayName, spec.DisplayName, v => spec.DisplayName = v);
        Text("description", patch.Description, spec.Description, v => spec.Description = v);
        Value("senderDomainAccess", patch.SenderDomainAccess, spec.SenderDomainAccess, v => spec.SenderDomainAccess = v);
        Value("retentionDays", patch.RetentionDays, spec.RetentionDays, v => spec.RetentionDays = v);
        if (patch.Limits is { } limits)
        {
            Text("maxFileSize", limits.MaxFileSize, spec.MaxFileSize, v => spec.MaxFileSize = v ?? "");
            Text("maxPackageSize", limits.MaxPackageSize, spec.MaxPackageSize, v => spec.MaxPackageSize = v ?? "");
            Value("maxFiles", limits.MaxFiles, spec.MaxFiles, v => spec.MaxFiles = v);
            if (limits.AllowedExtensions is { } extensions && !extensions.SequenceEqual(spec.AllowedExtensions ?? [], StringComparer.Ordinal))
            {
                spec.AllowedExtensions = [.. extensions];
                changed.Add("allowedExtensions");
            }
        }

        if (added.Count == 0 && removed.Count == 0) return [];
        var members = spec.Members ?? [];
        var current = MemberList.Normalised(members);
        List<MemberEntryError> late =
        [
            .. MemberList.AlreadyMembers(added, members),
            .. removed.Where(r => !current.Contains(r.Value)).Select(r => new MemberEntryError(r.Value, MemberList.Reasons.NotMember, $"{r.Value} is not a member of {resource.Metadata.Name}.")),
        ];
        if (late.Count > 0) return late;

        var removing = removed.Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        spec.Members = [.. members.Where(m => !removing.Contains(EmailAddress.TryParse(m, out var a) ? a.Value : m)), .. added.Select(a => a.Value)];
        changed.Add("members");
        return [];
    }

    private static (IReadOnlyList<EmailAddress>, IReadOnlyList<MemberEntryError>) ParseRemovals(string? raw)
    {
        var entries = (raw ?? "").Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        var errors = new List<MemberEntryError>();
        var addresses = new List<EmailAddress>();
        foreach (var entry in entries)
        {
            if (EmailAddress.TryParse(entry, out var address)) addresses.Add(address);
            else errors.Add(new(entry, MemberList.Reasons.Malformed, $"'{entry}' is not an e-mail address."));
        }

        if (entries.Count > MemberList.MaxPerRequest)
            errors.Add(new(null, MemberList.Reasons.TooMany, $"{entries.Count} addresses: at most {MemberList.MaxPerRequest} can be removed at a time."));
        return (addresses.DistinctBy(a => a.Value).ToList(), errors);
    }

    private static ApiProblem Invalid(IReadOnlyList<SchemaViolation> violations) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.InvalidDropzoneSettings, "Dropzone settings refused",
            "Nothing was changed: " + string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}")))
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = violations.Select(v => new DropzoneFieldError(v.Path, v.Reason, v.Message)).ToList() },
        };
}
