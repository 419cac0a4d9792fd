using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Workspaces.Sharing;

namespace Safedrop.Api.Tests.Workspaces.Sharing;

/// <summary>
/// A tenant for sharing tests: Organization acme (acme.example) with the Workspace <see cref="WorkspaceName"/> owned by
/// <see cref="Owner"/>, declared collaborators (an internal CoOwner, an internal Modify, an external Modify), a
/// Security Group that gives InviteExternalUsers to the owner only, and a second Organization (globex, another
/// namespace in the same folder) whose domain is on the same platform.
/// </summary>
internal static class SharingTenant
{
    public const string WorkspaceName = "projects";
    public const string Owner = "alice@acme.example";
    /// <summary>CoOwner declared in YAML, without InviteExternalUsers.</summary>
    public const string CoOwner = "carol@acme.example";
    public const string Editor = "dave@acme.example";
    public const string Colleague = "erin@acme.example";
    public const string DeclaredExternal = "partner@partner.example";
    public const string External = "guest@outside.example";
    public const string ForeignUser = "bob@globex.example";
    public const string OrgAdmin = TenantYaml.Admin;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TenantFolder Create(bool organizationSharing = true, bool workspaceSharing = true, string quota = "10Gi")
    {
        var folder = TenantFolder.Create();
        folder.Write("organization.yaml", $"""
            apiVersion: safedrop.io/v1alpha1
            kind: Organization
            metadata:
              name: acme
              namespace: {TenantYaml.Namespace}
            spec:
              plan: Enterprise
              domains:
                - {TenantYaml.Domain}
              admins:
                - {OrgAdmin}
              features:
                externalSharing: {(organizationSharing ? "true" : "false")}
            """);
        folder.Write("globex.yaml", TenantYaml.Organization(@namespace: "globex", name: "globex", domain: "globex.example", admin: "admin@globex.example"));
        folder.Write("inviters.yaml", TenantYaml.SecurityGroup("inviters", "InviteExternalUsers", Owner));
        folder.Write("workspace.yaml", $"""
            apiVersion: safedrop.io/v1alpha1
            kind: Workspace
            metadata:
              name: {WorkspaceName}
              namespace: {TenantYaml.Namespace}
            spec:
              owner: {Owner}
              quota: {quota}
              externalSharing: {(workspaceSharing ? "true" : "false")}
              collaborators:
                - email: {CoOwner}
                  role: CoOwner
                - email: {Editor}
                  role: Modify
            {(organizationSharing && workspaceSharing ? $"    - email: {DeclaredExternal}\n      role: Modify" : "")}
            """);
        return folder;
    }

    /// <summary>The API on <paramref name="folder"/>, serving acme, with an optional fake clock; shares and web-link files are the app's own.</summary>
    public static LocalApi StartApi(TenantFolder folder, FakeTimeProvider? time = null) => new(folder.Path)
    {
        Settings = new Dictionary<string, string?> { ["Safedrop:Local:Namespace"] = TenantYaml.Namespace },
        ConfigureTestServices = services =>
        {
            if (time is not null) services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        },
    };

    public static Task<HttpResponseMessage> ShareAsync(this HttpClient client, string email, string role, string workspace = WorkspaceName) =>
        client.PostAsJsonAsync($"/v1/workspaces/{workspace}/shares", new { email, role }, Ct);

    public static async Task<WorkspaceSharesResponse> SharesAsync(this HttpClient client, string workspace = WorkspaceName) =>
        (await client.GetFromJsonAsync<WorkspaceSharesResponse>($"/v1/workspaces/{workspace}/shares", LocalApi.Json, Ct))!;

    public static async Task<ShareView> ShareViewAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ShareView>(LocalApi.Json, Ct))!;
}
