using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Workspaces;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>
/// A tenant with one Workspace declared in YAML: an owner, a View, a Modify and an external Modify collaborator,
/// and an API whose resource writer is a test double.
/// </summary>
internal static class WorkspaceTenant
{
    public const string Name = "projects";
    public const string Owner = TenantYaml.RegisteredUser;
    public const string Viewer = "vera@acme.example";
    public const string Editor = "eddie@acme.example";
    public const string External = "xena@partner.example";
    public const string Stranger = "sam@acme.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TenantFolder Create(string quota = "100Mi", params string[] extraDocuments)
    {
        var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization());
        folder.Write("workspace.yaml", WorkspaceYaml(Name, Owner, quota,
            (Viewer, "View"), (Editor, "Modify"), (External, "Modify")));
        for (var i = 0; i < extraDocuments.Length; i++) folder.Write($"extra-{i}.yaml", extraDocuments[i]);
        return folder;
    }

    /// <summary>
    /// The API on <paramref name="folder"/>, its writer writing Workspace YAML into the folder (as local write-back would);
    /// shares are the app's own store unless <paramref name="shares"/> puts some in force directly.
    /// </summary>
    public static LocalApi NewApi(TenantFolder folder, InMemoryWorkspaceShares? shares = null) => new(folder.Path)
    {
        ConfigureTestServices = services =>
        {
            services.AddSingleton<IResourceWriter>(new FolderResourceWriter(folder));
            if (shares is not null) services.AddSingleton<IWorkspaceShares>(shares);
        },
    };

    public static string WorkspaceYaml(string name, string owner, string quota, params (string Email, string Role)[] collaborators) => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Workspace
        metadata:
          name: {name}
          namespace: {TenantYaml.Namespace}
        spec:
          owner: {owner}
          quota: {quota}
          collaborators:
        {string.Concat(collaborators.Select(c => $"    - email: {c.Email}\n      role: {c.Role}\n"))}
        """;

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string path, byte[] content, string workspace = Name)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PutAsync(FileUrl(workspace, path), body, Ct);
    }

    public static Task<HttpResponseMessage> DownloadAsync(this HttpClient client, string path, string workspace = Name) =>
        client.GetAsync(FileUrl(workspace, path), Ct);

    public static Task<HttpResponseMessage> DeleteFileAsync(this HttpClient client, string path, string workspace = Name) =>
        client.DeleteAsync(FileUrl(workspace, path), Ct);

    public static Task<HttpResponseMessage> ListAsync(this HttpClient client, string path = "", string workspace = Name) =>
        client.GetAsync(FolderUrl(workspace, path), Ct);

    public static Task<HttpResponseMessage> CreateFolderAsync(this HttpClient client, string path, string workspace = Name) =>
        client.PostAsync(FolderUrl(workspace, path), null, Ct);

    public static Task<HttpResponseMessage> RenameAsync(this HttpClient client, string path, string newName, string workspace = Name) =>
        client.PostAsJsonAsync($"/v1/workspaces/{workspace}/rename", new { path, newName }, Ct);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, string path, string destination, string workspace = Name) =>
        client.PostAsJsonAsync($"/v1/workspaces/{workspace}/move", new { path, destination }, Ct);

    public static async Task<FolderListing> ListingAsync(this HttpClient client, string path = "", string workspace = Name)
    {
        using var response = await client.ListAsync(path, workspace);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FolderListing>(LocalApi.Json, Ct))!;
    }

    public static async Task<ProblemDetails> ProblemAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>(LocalApi.Json, Ct))!;

    /// <summary>The sealed file objects of a Workspace in the API's data folder.</summary>
    public static IReadOnlyList<string> StoredObjects(this LocalApi api, string workspace = Name)
    {
        var folder = Path.Combine(api.DataFolder, StorageServiceCollectionExtensions.LocalObjectsFolder, "workspaces", workspace, "objects");
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)] : [];
    }

    public static string FileUrl(string workspace, string path) => $"/v1/workspaces/{workspace}/files/{Escape(path)}";

    private static string FolderUrl(string workspace, string path) => $"/v1/workspaces/{workspace}/folders/{Escape(path)}";

    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>Stands in for local write-back: a created Workspace becomes a YAML file in the tenant folder, which local mode compiles.</summary>
internal sealed class FolderResourceWriter(TenantFolder folder) : IResourceWriter
{
    public ConcurrentQueue<ISafedropResource> Created { get; } = new();

    public Task CreateAsync<T>(T resource, CancellationToken cancellationToken) where T : class, ISafedropResource, new()
    {
        if (resource is not Workspace workspace) throw new NotSupportedException($"The test writer creates Workspaces only, not {resource.Kind}.");
        Created.Enqueue(workspace);
        folder.Write($"created-{workspace.Metadata.Name}.yaml", $"""
            apiVersion: safedrop.io/v1alpha1
            kind: Workspace
            metadata:
              name: {workspace.Metadata.Name}
              namespace: {workspace.Metadata.NamespaceProperty}
            spec:
              owner: {workspace.Spec.Owner}
              quota: {workspace.Spec.Quota}
            {(workspace.Spec.DisplayName is { } display ? $"  displayName: \"{display}\"" : "")}
            """);
        return Task.CompletedTask;
    }

    public Task<bool> UpdateAsync<T>(string name, Func<T, bool> change, CancellationToken cancellationToken) where T : class, ISafedropResource, new() =>
        throw new NotSupportedException("Workspaces never update resources.");

    public Task<bool> DeleteAsync<T>(string name, Func<T, bool> allow, CancellationToken cancellationToken) where T : class, ISafedropResource, new() =>
        throw new NotSupportedException("Workspaces never delete resources.");
}

/// <summary>
/// Shares put in force directly, for role-resolution cases the sharing API refuses to make (an external CoOwner
/// share must still be capped at Modify); shares made through the API are tested with the app's own store.
/// </summary>
internal sealed class InMemoryWorkspaceShares : IWorkspaceShares
{
    private readonly ConcurrentQueue<WorkspaceShare> shares = new();

    public void Add(WorkspaceShare share) => shares.Enqueue(share);

    public Task<IReadOnlyList<WorkspaceShare>> ListAsync(string workspace, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WorkspaceShare>>([.. shares.Where(s => s.Workspace == workspace)]);
}
