using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Model;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.WriteBack;

/// <summary>Cluster mode's write-back against a Kubernetes API server: a merge patch with a resourceVersion precondition, retried on conflict.</summary>
public sealed class KubernetesResourceWriterTests() : KubeClusterTest("writeback")
{
    /// <summary>The rules the operator gives the API's Role (operator/Safedrop.Operator/Platform/ApiRbacBuilder.cs) for custom resources.</summary>
    private static readonly V1PolicyRule[] ApiRoleRules =
    [
        new() { ApiGroups = ["safedrop.io"], Resources = ["securitygroups", "dropzones", "workspaces", "personalworkflows"], Verbs = ["get", "list", "watch", "patch", "update"] },
        new() { ApiGroups = ["safedrop.io"], Resources = ["personalworkflows", "workspaces"], Verbs = ["create", "delete"] },
    ];

    [Fact]
    public async Task Should_Patch_Only_The_Spec_Under_Its_Field_Manager_When_Members_Change()
    {
        await CreateGroupAsync("api-users", "bob@acme.example");
        var writer = Writer(Cluster.Client);
        SecurityGroup? changed = null;

        var written = await writer.UpdateAsync<SecurityGroup>("api-users", g => { g.Spec.Members.Add("alice@acme.example"); changed = g; return true; }, Ct);

        Assert.True(written);
        var stored = await GetGroupAsync("api-users");
        Assert.Equal(["bob@acme.example", "alice@acme.example"], stored.Spec.Members);
        Assert.Equal(stored.Metadata.Generation, changed!.Metadata.Generation);
        Assert.Equal(stored.Metadata.ResourceVersion, changed.Metadata.ResourceVersion);
        Assert.Contains(stored.Metadata.ManagedFields ?? [], f => f.Manager == KubernetesResourceWriter.FieldManager);
    }

    [Fact]
    public async Task Should_Keep_Both_Changes_When_Someone_Updates_Between_Read_And_Write()
    {
        await CreateGroupAsync("api-users", "bob@acme.example");
        var writer = Writer(Cluster.Client);
        var calls = 0;

        await writer.UpdateAsync<SecurityGroup>("api-users", g =>
        {
            if (calls++ == 0)
            {
                // kubectl edit (or a GitOps sync) lands after the API read: another member and another field.
                var other = GetGroupAsync("api-users").GetAwaiter().GetResult();
                other.Spec.Members.Add("dave@acme.example");
                other.Spec.DisplayName = "API users (kubectl)";
                Cluster.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(other, Organization.Group, Organization.Version, Namespace, SecurityGroup.Plural, "api-users", cancellationToken: Ct)
                    .GetAwaiter().GetResult();
            }

            g.Spec.Members.Add("alice@acme.example");
            return true;
        }, Ct);

        Assert.Equal(2, calls);
        var stored = await GetGroupAsync("api-users");
        Assert.Equal(["bob@acme.example", "dave@acme.example", "alice@acme.example"], stored.Spec.Members);
        Assert.Equal("API users (kubectl)", stored.Spec.DisplayName);
    }

    [Fact]
    public async Task Should_Answer_False_When_The_Resource_Does_Not_Exist()
    {
        Assert.False(await Writer(Cluster.Client).UpdateAsync<SecurityGroup>("nobody", _ => true, Ct));
    }

    [Fact]
    public async Task Should_Create_A_Workspace_And_Refuse_A_Second_Of_That_Name_With_The_Api_Role_Only()
    {
        Assert.SkipWhen(Cluster.IsReal, "Restricted users are a feature of the fake API server.");
        using var restricted = new Kubernetes(Cluster.Fake!.AddRestrictedUser("system:serviceaccount:acme:safedrop-acme-api", ApiRoleRules));
        var writer = Writer(restricted);
        var workspace = new Workspace { Metadata = { Name = "projects" }, Spec = { Owner = "alice@acme.example" } };

        await writer.CreateAsync(workspace, Ct);
        await writer.UpdateAsync<Workspace>("projects", w => { w.Spec.DisplayName = "Projects"; return true; }, Ct);

        Assert.Equal(1, workspace.Metadata.Generation);
        var stored = JsonSerializer.Deserialize<Workspace>(
            ((JsonElement)await Cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace, Workspace.Plural, "projects", Ct)).GetRawText(),
            ResourceJson.Options)!;
        Assert.Equal("Projects", stored.Spec.DisplayName);
        await Assert.ThrowsAsync<ResourceConflictException>(() => writer.CreateAsync(new Workspace { Metadata = { Name = "projects" }, Spec = { Owner = "bob@acme.example" } }, Ct));
    }

    [Fact]
    public async Task Should_Delete_With_The_Api_Role_And_Judge_Again_When_Someone_Writes_Between_Read_And_Delete()
    {
        Assert.SkipWhen(Cluster.IsReal, "Restricted users are a feature of the fake API server.");
        using var restricted = new Kubernetes(Cluster.Fake!.AddRestrictedUser("system:serviceaccount:acme:safedrop-acme-api", ApiRoleRules));
        var writer = Writer(restricted);
        await writer.CreateAsync(new Workspace { Metadata = { Name = "projects" }, Spec = { Owner = "alice@acme.example" } }, Ct);
        var seen = new List<string?>();

        var deleted = await writer.DeleteAsync<Workspace>("projects", w =>
        {
            seen.Add(w.Spec.DisplayName);
            if (seen.Count == 1)
            {
                // kubectl edit lands after the API read: the delete's resourceVersion precondition must fail.
                Writer(Cluster.Client).UpdateAsync<Workspace>("projects", x => { x.Spec.DisplayName = "Projects (kubectl)"; return true; }, Ct).GetAwaiter().GetResult();
            }

            return true;
        }, Ct);

        Assert.True(deleted);
        Assert.Equal([null, "Projects (kubectl)"], seen);
        Assert.False(await writer.DeleteAsync<Workspace>("projects", _ => true, Ct));
    }

    [Fact]
    public async Task Should_Leave_The_Resource_When_The_Check_Refuses()
    {
        await CreateGroupAsync("api-users", "bob@acme.example");

        Assert.True(await Writer(Cluster.Client).DeleteAsync<SecurityGroup>("api-users", _ => false, Ct));

        Assert.Equal(["bob@acme.example"], (await GetGroupAsync("api-users")).Spec.Members);
    }

    private KubernetesResourceWriter Writer(IKubernetes client) => new(
        client,
        Options.Create(new ClusterModeOptions { Namespace = Namespace, ConfigMap = "safedrop-acme-config" }),
        TimeProvider.System,
        NullLogger<KubernetesResourceWriter>.Instance);

    private async Task CreateGroupAsync(string name, params string[] members)
    {
        var group = new SecurityGroup { Metadata = { Name = name, NamespaceProperty = Namespace }, Spec = { Permissions = [Permission.ApiKeys], Members = [.. members] } };
        await Cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(ResourceDocuments.ForCreate(group, Namespace), Organization.Group, Organization.Version, Namespace, SecurityGroup.Plural, cancellationToken: Ct);
    }

    private async Task<SecurityGroup> GetGroupAsync(string name)
    {
        var read = (JsonElement)await Cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace, SecurityGroup.Plural, name, Ct);
        return JsonSerializer.Deserialize<SecurityGroup>(read.GetRawText(), ResourceJson.Options)!;
    }
}
