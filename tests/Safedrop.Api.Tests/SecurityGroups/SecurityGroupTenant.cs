using System.Net.Http.Json;
using System.Text.Json;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.WriteBack;

namespace Safedrop.Api.Tests.SecurityGroups;

/// <summary>A tenant with the hand-written groups file (api-users grants ApiKeys to bob; managers grants DropzoneManager on invoices to carol) and two Dropzones owned by alice.</summary>
internal static class SecurityGroupTenant
{
    public const string AdminUser = TenantYaml.Admin;
    public const string Alice = "alice@acme.example";
    public const string Bob = "bob@acme.example";
    public const string Carol = "carol@acme.example";

    public const string DropzonesFile = "dropzones.yaml";

    public const string DropzonesYaml = """
        # Upload points of acme.
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: invoices
          namespace: acme
        spec:
          owner: alice@acme.example   # accounts payable
          retentionDays: 30
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: receipts
          namespace: acme
        spec:
          owner: alice@acme.example
        """ + "\n";

    public static TenantFolder Create(string plan = "Enterprise")
    {
        var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization(plan: plan));
        folder.Write(GroupsYaml.FileName, GroupsYaml.Text);
        folder.Write(DropzonesFile, DropzonesYaml);
        return folder;
    }

    public static string GroupsFile(this TenantFolder folder) => Path.Combine(folder.Path, GroupsYaml.FileName);

    public static Task<HttpResponseMessage> AddMembersAsync(this HttpClient client, string group, string members) =>
        client.PostAsJsonAsync($"/v1/admin/security-groups/{group}/members", new { members }, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));

    /// <summary>Whether /v1/me says the caller holds <paramref name="permission"/>.</summary>
    public static async Task<bool> HoldsAsync(this HttpClient client, string permission)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/v1/me", TestContext.Current.CancellationToken);
        return me.GetProperty("permissions").EnumerateArray().Single(p => p.GetProperty("permission").GetString() == permission).GetProperty("held").GetBoolean();
    }
}
