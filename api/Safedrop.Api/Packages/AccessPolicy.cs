using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Packages;

/// <summary>
/// SPEC.md §1 in one function: who may read a package. It decides on the address a PIN proved; link
/// possession (the keycode proof or a wrapped keycode) is checked by the caller before anything is released.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(PackageRecord package, EmailAddress reader, TenantConfig config)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(config);

        var sender = EmailAddress.Parse(package.Sender);
        if (reader == sender) return AccessDecision.Allow(AccessRule.Sender, "the reader sent the package");

        if (package.Dropzone is null)
        {
            return package.Recipients.Contains(reader.Value, StringComparer.Ordinal)
                ? AccessDecision.Allow(AccessRule.Recipient, "the reader is a recipient of the package")
                : AccessDecision.Deny("the reader is neither the sender nor a recipient");
        }

        if (!config.Dropzones.TryGetValue(package.Dropzone, out var dropzone))
            return AccessDecision.Deny($"Dropzone {package.Dropzone} is no longer in force, so only the sender may read its packages");
        if (reader.Value == dropzone.Owner) return AccessDecision.Allow(AccessRule.DropzoneOwner, $"the reader owns Dropzone {dropzone.Name}");
        if (dropzone.Members.Contains(reader.Value)) return AccessDecision.Allow(AccessRule.DropzoneMember, $"the reader is a member of Dropzone {dropzone.Name}");
        return SenderDomainAccess(sender, reader, dropzone, config);
    }

    private static AccessDecision SenderDomainAccess(EmailAddress sender, EmailAddress reader, CompiledDropzone dropzone, TenantConfig config)
    {
        if (!dropzone.SenderDomainAccess)
            return AccessDecision.Deny($"the reader is not the sender, owner or a member, and Dropzone {dropzone.Name} does not have Sender Domain Access in force");
        if (reader.Domain != sender.Domain)
            return AccessDecision.Deny($"Sender Domain Access admits only the sender's domain {sender.Domain}");
        if (config.IsRegistered(reader))
            return AccessDecision.Deny("Sender Domain Access admits external users only");
        var personal = config.Organization?.PersonalDomains ?? new HashSet<string>(PersonalDomains.BuiltIn);
        if (PersonalDomains.Contains(personal, sender.Domain) || PersonalDomains.Contains(dropzone.PersonalDomains, sender.Domain))
            return AccessDecision.Deny($"{sender.Domain} is a personal e-mail domain: nobody gains access by domain");
        return AccessDecision.Allow(AccessRule.SenderDomainAccess, $"the reader shares the sender's business domain {sender.Domain} and Dropzone {dropzone.Name} has Sender Domain Access");
    }
}

/// <summary>The rule that admitted a reader, or <see cref="None"/> when nothing did.</summary>
public enum AccessRule
{
    None,
    Sender,
    Recipient,
    DropzoneOwner,
    DropzoneMember,
    SenderDomainAccess,
}

public sealed record AccessDecision(bool Allowed, AccessRule Rule, string Reason)
{
    public static AccessDecision Allow(AccessRule rule, string reason) => new(true, rule, reason);

    public static AccessDecision Deny(string reason) => new(false, AccessRule.None, reason);
}
