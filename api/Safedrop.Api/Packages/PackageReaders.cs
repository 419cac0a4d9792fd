using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Packages;

/// <summary>Who a package is addressed to: its recipients, or its Dropzone's owner and members.</summary>
public static class PackageReaders
{
    public static IReadOnlyCollection<string> Of(PackageRecord package, TenantConfig config)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(config);
        if (package.Dropzone is null) return package.Recipients;
        return config.Dropzones.TryGetValue(package.Dropzone, out var dropzone)
            ? new HashSet<string>(dropzone.Members.Prepend(dropzone.Owner), StringComparer.Ordinal)
            : [];
    }
}
