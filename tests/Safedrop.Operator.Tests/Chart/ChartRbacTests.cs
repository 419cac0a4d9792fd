using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Operator.Runtime;

namespace Safedrop.Operator.Tests.Chart;

/// <summary>
/// The chart's RBAC against the single list of the operator's API calls (OperatorApiCalls): every
/// call granted, nothing granted beyond them.
/// </summary>
public class ChartRbacTests
{
    private static readonly string[] Templates = ["clusterrole.yaml", "role.yaml"];

    [Fact]
    public async Task Should_GrantEveryCallTheOperatorMakes_AcrossTenantNamespaces()
    {
        var granted = Grants((await SafedropChart.RenderAsync()).Single<V1ClusterRole>().Rules);

        var missing = Calls(OperatorApiCalls.ClusterWide).Where(call => !granted.Contains(call)).ToList();
        Assert.True(missing.Count == 0, "The ClusterRole does not grant: " + Describe(missing));
    }

    [Fact]
    public async Task Should_GrantNothingBeyondTheOperatorsCalls_AcrossTenantNamespaces()
    {
        var needed = Calls(OperatorApiCalls.ClusterWide);

        var extra = Grants((await SafedropChart.RenderAsync()).Single<V1ClusterRole>().Rules).Where(grant => !needed.Contains(grant)).ToList();
        Assert.True(extra.Count == 0, "The ClusterRole grants calls the operator never makes: " + Describe(extra));
    }

    [Fact]
    public async Task Should_GrantExactlyTheLeaseCalls_InTheReleaseNamespace()
    {
        var chart = await SafedropChart.RenderAsync();
        var role = chart.Single<V1Role>();

        Assert.Equal(SafedropChart.Namespace, role.Metadata.NamespaceProperty);
        Assert.Equal(Calls(OperatorApiCalls.OwnNamespace).Order(), Grants(role.Rules).Order());
    }

    [Fact]
    public async Task Should_NarrowLeaseReadsAndUpdates_To_TheOperatorsLease()
    {
        var chart = await SafedropChart.RenderAsync("replicas=3");

        var leaseName = Assert.Single(chart.Single<V1Deployment>().Spec.Template.Spec.Containers[0].Env, e => e.Name == "LeaderElection__LeaseName").Value;
        var rules = chart.Single<V1Role>().Rules;
        Assert.All(rules.Where(r => r.Verbs.Intersect(["get", "update"]).Any()), rule => Assert.Equal([leaseName], rule.ResourceNames));
    }

    [Fact]
    public async Task Should_UseNoWildcardsNorPrivilegeVerbs()
    {
        var chart = await SafedropChart.RenderAsync();

        var rules = chart.Single<V1ClusterRole>().Rules.Concat(chart.Single<V1Role>().Rules).ToList();
        Assert.All(rules, rule =>
        {
            Assert.DoesNotContain(rule.ApiGroups.Concat(rule.Resources).Concat(rule.Verbs), value => value.Contains('*', StringComparison.Ordinal));
            Assert.Empty(rule.Verbs.Intersect(["escalate", "bind", "impersonate", "deletecollection"]));
            Assert.Null(rule.NonResourceURLs);
        });
        Assert.Null(chart.Single<V1ClusterRole>().AggregationRule);
    }

    [Fact]
    public async Task Should_NeverTouchVolumeClaims_Because_StoredFilesOutliveTheOperator()
    {
        var chart = await SafedropChart.RenderAsync();

        var grants = Grants(chart.Single<V1ClusterRole>().Rules).Concat(Grants(chart.Single<V1Role>().Rules));
        Assert.DoesNotContain(grants, g => g.Resource.StartsWith("persistentvolume", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_BindTheRolesToTheOperatorsServiceAccount()
    {
        var chart = await SafedropChart.RenderAsync();
        var account = chart.Single<V1ServiceAccount>();

        var clusterBinding = chart.Single<V1ClusterRoleBinding>();
        var binding = chart.Single<V1RoleBinding>();
        Assert.Equal(("ClusterRole", chart.Single<V1ClusterRole>().Metadata.Name), (clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name));
        Assert.Equal(("Role", chart.Single<V1Role>().Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.All(new[] { clusterBinding.Subjects, binding.Subjects }, subjects =>
        {
            var subject = Assert.Single(subjects);
            Assert.Equal(("ServiceAccount", account.Metadata.Name, SafedropChart.Namespace), (subject.Kind, subject.Name, subject.NamespaceProperty));
        });
        Assert.Equal(account.Metadata.Name, chart.Single<V1Deployment>().Spec.Template.Spec.ServiceAccountName);
    }

    [Theory]
    [InlineData("clusterrole.yaml")]
    [InlineData("role.yaml")]
    public void Should_JustifyEveryRuleWithACommentAboveIt(string template)
    {
        Assert.Contains(template, Templates);
        var lines = File.ReadAllLines(Path.Combine(SafedropChart.Directory, "templates", template));

        var rules = lines.Select((line, index) => (line, index)).Where(l => l.line.TrimStart().StartsWith("- apiGroups:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.True(
            rule.index > 0 && lines[rule.index - 1].TrimStart().StartsWith('#'),
            $"{template} line {rule.index + 1}: a rule without a comment saying why the operator needs it"));
    }

    /// <summary>Every (group, resource, verb) a set of rules grants; a rule's resourceNames narrow it but still grant the verb.</summary>
    private static HashSet<Call> Grants(IEnumerable<V1PolicyRule> rules) =>
    [
        .. from rule in rules
           from g in rule.ApiGroups
           from r in rule.Resources
           from v in rule.Verbs
           select new Call(g, r, v),
    ];

    private static HashSet<Call> Calls(IEnumerable<KubernetesPermission> permissions) =>
        [.. from p in permissions from v in p.Verbs select new Call(p.Group, p.Resource, v)];

    private static string Describe(IEnumerable<Call> calls) => string.Join("; ", calls.Order());

    private sealed record Call(string Group, string Resource, string Verb) : IComparable<Call>
    {
        public int CompareTo(Call? other) => string.CompareOrdinal(ToString(), other?.ToString());

        public override string ToString() => $"{(Group.Length == 0 ? "core" : Group)} {Resource} {Verb}";
    }
}
