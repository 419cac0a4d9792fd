using k8s.Models;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>What the rules of one kind may read about the tenant while it is being compiled.</summary>
internal sealed class CompileContext(TenantInput input, CompiledOrganization organization)
{
    public TenantInput Input => input;
    public CompiledOrganization Organization => organization;
    public EffectiveFeatures Features => organization.Features;
    public TenantConfig? Previous => input.Previous;

    /// <summary>Set once Security Groups are compiled.</summary>
    public PermissionTable Permissions { get; set; } = PermissionTable.Empty;

    public IReadOnlyDictionary<string, string> ForeignDomains { get; init; } = new Dictionary<string, string>();

    public bool IsRegistered(EmailAddress address) => organization.Domains.Contains(address.Domain);

    public PermissionDecision Resolve(EmailAddress address, Permission permission) =>
        Permissions.Resolve(address, permission, IsRegistered(address));

    /// <summary>Parses an address and requires it to be a registered user; adds a problem otherwise.</summary>
    public bool TryRegistered(string raw, string field, List<string> problems, out EmailAddress address)
    {
        if (!EmailAddress.TryParse(raw, out address))
        {
            problems.Add($"{field}: '{raw}' is not an e-mail address");
            return false;
        }

        if (IsRegistered(address)) return true;
        problems.Add($"{field}: {address} is not a registered user of Organization '{organization.Name}' (domains: {string.Join(", ", organization.Domains)})");
        return false;
    }

    /// <summary>The owner check shared by Dropzones, Workspaces and Personal Workflows: registered, then holding the permission.</summary>
    public EmailAddress? CheckOwner(string raw, Permission permission, VerdictBuilder check, string conditionType)
    {
        var problems = new List<string>();
        if (!TryRegistered(raw, "spec.owner", problems, out var owner))
        {
            check.Fail(conditionType, Reasons.OwnerNotRegistered, problems[0] + ".");
            return null;
        }

        var decision = Resolve(owner, permission);
        if (!decision.Held)
        {
            check.Fail(conditionType, Reasons.MissingPermission, $"The owner {owner} does not hold {permission}: {decision.Explanation}.");
            return null;
        }

        check.Pass(conditionType, Reasons.Compiled, $"{owner} holds {permission} ({decision.Explanation}).");
        return owner;
    }

    public static bool TryParseQuantity(string? raw, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        try
        {
            bytes = new ResourceQuantity(raw).ToInt64();
            return bytes > 0;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }
}
