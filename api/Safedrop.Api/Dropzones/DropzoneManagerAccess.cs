using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Dropzones;

/// <summary>
/// Who may edit a Dropzone's settings and members (SPEC §2): its owner, and holders of DropzoneManager
/// through a group whose <c>dropzones</c> list is empty or names it (or everyone registered while no group
/// grants DropzoneManager: the permission is unrestricted then).
/// </summary>
public static class DropzoneManagerAccess
{
    public const string OwnerRule = "DropzoneOwner";
    public const string ManagerRule = "DropzoneManager";

    /// <summary>The rule that admits <paramref name="address"/>, or the 403 problem naming DropzoneManager.</summary>
    public static Outcome<string> Decide(TenantConfig config, CompiledDropzone dropzone, EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(dropzone);
        if (dropzone.Owner == address.Value) return OwnerRule;

        var decision = config.Resolve(address, Permission.DropzoneManager);
        if (!decision.Held) return Refuse(address, dropzone, decision.Explanation);
        if (decision.Basis != PermissionBasis.GrantedByGroups) return ManagerRule;

        var scoped = decision.Groups.Where(g => config.SecurityGroups.TryGetValue(g, out var group) && (group.Dropzones.Count == 0 || group.Dropzones.Contains(dropzone.Name))).ToList();
        return scoped.Count > 0
            ? ManagerRule
            : Refuse(address, dropzone, $"granted by {string.Join(", ", decision.Groups)}, limited to other Dropzones than {dropzone.Name}");
    }

    private static ApiProblem Refuse(EmailAddress address, CompiledDropzone dropzone, string reason) =>
        new(StatusCodes.Status403Forbidden, ProblemTypes.PermissionMissing, $"Permission {Permission.DropzoneManager} missing",
            $"Editing Dropzone {dropzone.Name} needs the {Permission.DropzoneManager} permission for it (or owning it), which {address.Value} does not hold: {reason}.")
        {
            Extensions = new Dictionary<string, object?> { ["permission"] = Permission.DropzoneManager.ToString(), ["reason"] = reason },
        };
}
