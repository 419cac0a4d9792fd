using k8s.Models;
using Safedrop.Resources.Model;
using Safedrop.Testing.Builders;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class ApiRbacTests
{
    [Fact]
    public void Should_GrantTheApiOnlyWhatItNeeds()
    {
        var role = Plan().Get<V1Role>("safedrop-acme-api");

        Assert.Equal(
        [
            "configmaps get,list,watch [safedrop-acme-config]",
            "secrets get [safedrop-acme-kek]",
            "safedrop.io/securitygroups,dropzones,workspaces,personalworkflows get,list,watch,patch,update []",
            "safedrop.io/personalworkflows,workspaces create,delete []",
            "safedrop.io/personalworkflows/status get,patch []",
        ], role.Rules.Select(Describe));
    }

    [Theory]
    [InlineData("securitygroups", "get")]
    [InlineData("securitygroups", "patch")]
    [InlineData("securitygroups", "update")]
    [InlineData("dropzones", "get")]
    [InlineData("dropzones", "patch")]
    [InlineData("dropzones", "update")]
    [InlineData("workspaces", "get")]
    [InlineData("workspaces", "patch")]
    [InlineData("workspaces", "update")]
    [InlineData("workspaces", "create")]
    public void Should_LetTheApiWriteBack_What_Admins_Owners_And_Managers_Change(string resource, string verb)
    {
        // The API's write-back (api/Safedrop.Api/WriteBack/KubernetesResourceWriter.cs): get, merge patch with a
        // resourceVersion precondition, create for new Workspaces; update for a future PUT-based writer.
        var rules = Plan().Get<V1Role>("safedrop-acme-api").Rules;

        Assert.Contains(rules, r => r.ApiGroups.Contains(Organization.Group) && r.Resources.Contains(resource) && r.Verbs.Contains(verb) && r.ResourceNames is null or { Count: 0 });
    }

    [Fact]
    public void Should_GrantReadOfWebhookSecrets_When_CompiledWorkflowsReferenceThem()
    {
        var organization = AnOrganization();
        var group = TenantBuilder.AGroup("robots", [Permission.PersonalWorkflows], "robot@acme.example");
        var workflow = TenantBuilder.AWorkflow("notify", configure: s => s.Actions =
        [
            new WorkflowAction { Webhook = new WebhookAction { Url = "https://hooks.partner.example/a", SecretRef = new SecretKeyReference { Name = "partner-hook" } } },
            new WorkflowAction { Webhook = new WebhookAction { Url = "https://hooks.partner.example/b", SecretRef = new SecretKeyReference { Name = "audit-hook", Key = "hmac" } } },
        ]);

        var role = Plan(organization, null, group, workflow).Get<V1Role>("safedrop-acme-api");

        Assert.Equal(["audit-hook", "partner-hook", "safedrop-acme-kek"], role.Rules.Single(r => r.Resources.Contains("secrets")).ResourceNames);
    }

    [Fact]
    public void Should_GrantReadOfExternalSecrets_When_StorageAndCachesAreExternal()
    {
        var role = Plan(ExternalEverything).Get<V1Role>("safedrop-acme-api");

        Assert.Equal(["acme-kek", "acme-pin-redis", "acme-s3", "acme-session-redis"], role.Rules.Single(r => r.Resources.Contains("secrets")).ResourceNames);
    }

    [Fact]
    public void Should_NameEverySecretAndConfigMapTheApiMayRead()
    {
        var rules = Plan(ExternalEverything).Get<V1Role>("safedrop-acme-api").Rules.Where(r => r.ApiGroups.Contains(""));

        Assert.All(rules, r => Assert.NotEmpty(r.ResourceNames ?? []));
    }

    [Fact]
    public void Should_NeverGrantWildcards()
    {
        var rules = Plan(Everything).Get<V1Role>("safedrop-acme-api").Rules;

        Assert.All(rules, r => Assert.DoesNotContain("*", r.ApiGroups.Concat(r.Resources).Concat(r.Verbs).Concat(r.ResourceNames ?? [])));
    }

    [Fact]
    public void Should_BindTheRoleToTheApiServiceAccount()
    {
        var plan = Plan();
        var binding = plan.Get<V1RoleBinding>("safedrop-acme-api");

        Assert.Equal(("Role", "safedrop-acme-api"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", "safedrop-acme-api", Namespace), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.True(plan.Has<V1ServiceAccount>("safedrop-acme-api"));
    }

    private static string Describe(V1PolicyRule rule)
    {
        var group = rule.ApiGroups.Single();
        var resources = string.Join(",", rule.Resources);
        return $"{(group.Length == 0 ? "" : group + "/")}{resources} {string.Join(",", rule.Verbs)} [{string.Join(",", rule.ResourceNames ?? [])}]";
    }
}
