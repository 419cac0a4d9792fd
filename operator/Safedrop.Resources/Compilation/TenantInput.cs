using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>Everything the compiler reads: one namespace's resources, the platform directory and the previous result.</summary>
public sealed record TenantInput
{
    public required string Namespace { get; init; }
    public IReadOnlyList<Organization> Organizations { get; init; } = [];
    public IReadOnlyList<Dropzone> Dropzones { get; init; } = [];
    public IReadOnlyList<SecurityGroup> SecurityGroups { get; init; } = [];
    public IReadOnlyList<Workspace> Workspaces { get; init; } = [];
    public IReadOnlyList<PersonalWorkflow> PersonalWorkflows { get; init; } = [];

    /// <summary>Every Organization on the platform (this one included), to detect domains claimed twice and cross-organization addresses.</summary>
    public OrganizationDirectory Directory { get; init; } = OrganizationDirectory.Empty;

    /// <summary>The last compiled config, whose entries stay in force for resources that are no longer valid.</summary>
    public TenantConfig? Previous { get; init; }

    public IEnumerable<ISafedropResource> All =>
        Organizations.Cast<ISafedropResource>().Concat(Dropzones).Concat(SecurityGroups).Concat(Workspaces).Concat(PersonalWorkflows);

    /// <summary>Sorts resources of any kind into a namespace's input.</summary>
    public static TenantInput From(string @namespace, IEnumerable<ISafedropResource> resources, OrganizationDirectory? directory = null, TenantConfig? previous = null)
    {
        var list = resources.ToList();
        return new TenantInput
        {
            Namespace = @namespace,
            Organizations = [.. list.OfType<Organization>()],
            Dropzones = [.. list.OfType<Dropzone>()],
            SecurityGroups = [.. list.OfType<SecurityGroup>()],
            Workspaces = [.. list.OfType<Workspace>()],
            PersonalWorkflows = [.. list.OfType<PersonalWorkflow>()],
            Directory = directory ?? OrganizationDirectory.FromOrganizations(list.OfType<Organization>()),
            Previous = previous,
        };
    }
}

/// <summary>One Organization as the platform directory knows it.</summary>
public sealed record DirectoryEntry(string Namespace, string Name, DateTimeOffset CreatedAt, IReadOnlyList<string> Domains);

/// <summary>All Organizations on the platform: who claims which domain.</summary>
public sealed record OrganizationDirectory(IReadOnlyList<DirectoryEntry> Entries)
{
    public static readonly OrganizationDirectory Empty = new([]);

    public static OrganizationDirectory FromOrganizations(IEnumerable<Organization> organizations) =>
        new([.. organizations.Select(o => new DirectoryEntry(
            o.Metadata.NamespaceProperty ?? "",
            o.Metadata.Name ?? "",
            o.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : DateTimeOffset.MinValue,
            o.Spec.Domains))]);
}
