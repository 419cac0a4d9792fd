using Safedrop.Resources.Compilation;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Verbs;

/// <summary>
/// <c>check &lt;folder&gt;</c>: validates a GitOps folder like a pull-request check. Prints every problem
/// as <c>file:line: message</c>, then each resource's Ready condition as the operator would set it.
/// Exits 0 when everything is valid and Ready, 1 otherwise, 2 when the folder does not exist.
/// </summary>
internal static class CheckVerb
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int FolderMissing = 2;

    public static int Run(DirectoryInfo folder, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        if (!folder.Exists)
        {
            output.WriteLine($"check: folder {folder.FullName} does not exist");
            return FolderMissing;
        }

        var sources = ManifestFolder.Read(folder);
        var manifests = ManifestReader.Read(sources);
        foreach (var problem in manifests.Problems) output.WriteLine(problem.ToString());

        if (manifests.Resources.Count == 0)
        {
            if (manifests.Problems.Count > 0) output.WriteLine();
            output.WriteLine($"check: no valid {ResourceKinds.KindInfo.ApiVersion} resources in {folder.FullName} ({Files(sources.Count)} read)");
            return Failed;
        }

        var rows = Compile(manifests.Resources);
        if (manifests.Problems.Count > 0) output.WriteLine();
        StatusTable.Write(output, rows);
        output.WriteLine();
        output.WriteLine(Summary(rows, manifests.Problems, sources.Count));
        return manifests.Problems.Count == 0 && rows.All(r => r.Ready) ? Passed : Failed;
    }

    /// <summary>Compiles each namespace as the operator would, with every Organization of the folder as the platform directory.</summary>
    private static List<StatusRow> Compile(IReadOnlyList<LoadedResource> loaded)
    {
        var resources = loaded.Select(r => r.Resource).ToList();
        var directory = OrganizationDirectory.FromOrganizations(resources.OfType<Organization>());
        var rows = new List<StatusRow>();
        foreach (var tenant in resources.GroupBy(r => r.Metadata.NamespaceProperty!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var result = TenantCompiler.Compile(TenantInput.From(tenant.Key, tenant, directory));
            foreach (var resource in tenant.OrderBy(KindOrder).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal))
                rows.Add(Row(tenant.Key, resource, result.Find(resource.Kind, resource.Metadata.Name)));
        }

        return rows;
    }

    private static StatusRow Row(string ns, ISafedropResource resource, ResourceVerdict? verdict) => verdict is null
        ? new(ns, resource.Kind, resource.Metadata.Name, false, "NoVerdict", "the compiler reported no status for this resource")
        : new(ns, resource.Kind, resource.Metadata.Name, verdict.Ready, verdict.Reason, verdict.Message);

    private static int KindOrder(ISafedropResource resource) =>
        ResourceKinds.All.Select((kind, index) => (kind, index)).First(k => k.kind.Kind == resource.Kind).index;

    private static string Summary(List<StatusRow> rows, IReadOnlyList<ManifestProblem> problems, int files)
    {
        var ready = rows.Count(r => r.Ready);
        var summary = $"{ready} of {rows.Count} resources Ready, {Files(files)} read";
        return problems.Count == 0 ? summary : $"{summary}, {problems.Count} {(problems.Count == 1 ? "problem" : "problems")} in the YAML (listed above)";
    }

    private static string Files(int count) => count == 1 ? "1 YAML file" : $"{count} YAML files";
}
