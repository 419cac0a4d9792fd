using k8s.Models;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Testing.Builders;

/// <summary>Small builders for resources of one tenant, "acme" in namespace "acme", with sensible defaults.</summary>
public static class TenantBuilder
{
    public const string Namespace = "acme";
    public const string Domain = "acme.example";
    public const string Admin = "admin@acme.example";
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Organization AnOrganization(Plan plan = Plan.Enterprise, Action<OrganizationSpec>? configure = null,
        string name = "acme", string @namespace = Namespace, DateTime? created = null, params string[] domains)
    {
        var org = new Organization { Metadata = Meta(name, @namespace, created) };
        org.Spec.Plan = plan;
        org.Spec.Domains = domains.Length > 0 ? [.. domains] : [Domain];
        org.Spec.Admins = [$"admin@{org.Spec.Domains[0]}"];
        configure?.Invoke(org.Spec);
        return org;
    }

    public static Dropzone ADropzone(string name, string owner = "owner@acme.example", Action<DropzoneSpec>? configure = null)
    {
        var dropzone = new Dropzone { Metadata = Meta(name) };
        dropzone.Spec.Owner = owner;
        configure?.Invoke(dropzone.Spec);
        return dropzone;
    }

    public static SecurityGroup AGroup(string name, Permission[] permissions, params string[] members)
    {
        var group = new SecurityGroup { Metadata = Meta(name) };
        group.Spec.Permissions = [.. permissions];
        group.Spec.Members = [.. members];
        return group;
    }

    public static Workspace AWorkspace(string name, string owner = "owner@acme.example", Action<WorkspaceSpec>? configure = null,
        params (string Email, CollaboratorRole Role)[] collaborators)
    {
        var workspace = new Workspace { Metadata = Meta(name) };
        workspace.Spec.Owner = owner;
        workspace.Spec.Collaborators = [.. collaborators.Select(c => new Collaborator { Email = c.Email, Role = c.Role })];
        configure?.Invoke(workspace.Spec);
        return workspace;
    }

    public static PersonalWorkflow AWorkflow(string name, string owner = "robot@acme.example", int createdMinute = 0,
        Action<PersonalWorkflowSpec>? configure = null)
    {
        var workflow = new PersonalWorkflow { Metadata = Meta(name, created: Epoch.AddMinutes(createdMinute)) };
        workflow.Spec.Owner = owner;
        workflow.Spec.Actions = [new WorkflowAction { Email = new EmailAction() }];
        configure?.Invoke(workflow.Spec);
        return workflow;
    }

    /// <summary>Compiles the resources as namespace "acme"; the directory holds every Organization given.</summary>
    public static CompilationResult Compile(params ISafedropResource[] resources) => Compile(null, null, resources);

    public static CompilationResult Compile(TenantConfig? previous, OrganizationDirectory? directory, params ISafedropResource[] resources) =>
        TenantCompiler.Compile(TenantInput.From(Namespace, resources, directory, previous));

    public static T WithGeneration<T>(this T resource, long generation) where T : ISafedropResource
    {
        resource.Metadata.Generation = generation;
        return resource;
    }

    private static V1ObjectMeta Meta(string name, string @namespace = Namespace, DateTime? created = null) => new()
    {
        Name = name,
        NamespaceProperty = @namespace,
        Generation = 1,
        CreationTimestamp = created ?? Epoch,
    };
}
