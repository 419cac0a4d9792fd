using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Dropzones;

/// <summary>What the public upload page of a Dropzone shows. Nothing about owner or members.</summary>
public sealed record DropzonePage(
    string Name,
    string DisplayName,
    string? Description,
    string Organization,
    long MaxFileSizeBytes,
    long MaxPackageSizeBytes,
    int MaxFiles,
    IReadOnlyList<string> AllowedExtensions)
{
    public static DropzonePage From(CompiledDropzone dropzone, CompiledOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(dropzone);
        ArgumentNullException.ThrowIfNull(organization);
        return new(dropzone.Name, dropzone.DisplayName ?? dropzone.Name, dropzone.Description, organization.DisplayName ?? organization.Name,
            dropzone.MaxFileSizeBytes, dropzone.MaxPackageSizeBytes, dropzone.MaxFiles, dropzone.AllowedExtensions);
    }
}
