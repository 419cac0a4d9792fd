using Safedrop.Resources.Compilation;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Testing;

/// <summary>The tenants under examples/, read with the product's own manifest reader.</summary>
public static class ExampleTenants
{
    public static ManifestSet ReadAll() => Read(RepositoryPaths.Examples);

    public static ManifestSet Read(string folder) => ManifestReader.Read(
        Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new ManifestSource(Path.GetRelativePath(RepositoryPaths.Root, path), File.ReadAllText(path))));

    /// <summary>Compiles one namespace of a manifest set; the directory holds every Organization of the set.</summary>
    public static CompilationResult Compile(ManifestSet set, string @namespace)
    {
        var resources = set.Resources.Select(r => r.Resource).ToList();
        var directory = OrganizationDirectory.FromOrganizations(resources.OfType<Organization>());
        return TenantCompiler.Compile(TenantInput.From(@namespace, resources.Where(r => r.Metadata.NamespaceProperty == @namespace), directory));
    }
}
