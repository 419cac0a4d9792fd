using System.Reflection;
using k8s.Models;
using Safedrop.Operator.Platform;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class PlatformPermissionsTests
{
    [Fact]
    public void Should_LetTheOperatorManageEveryKindAPlanCanContain()
    {
        var needs = PlatformPermissions.OperatorNeeds();
        var kinds = Plan(Everything).Concat(Plan(ExternalEverything))
            .Select(o => (Group: o.ApiGroup(), Resource: (string)o.GetType().GetField("KubePluralName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!))
            .Distinct();

        Assert.All(kinds, kind =>
        {
            var need = Assert.Single(needs, n => n.Group == kind.Group && n.Resource == kind.Resource);
            Assert.Subset(need.Verbs.ToHashSet(), new HashSet<string> { "get", "list", "watch", "create", "patch", "delete" });
        });
    }

    [Fact]
    public void Should_HoldEverythingTheApiRoleGrants_BecauseRbacForbidsEscalation()
    {
        var needs = PlatformPermissions.OperatorNeeds();
        var role = Plan(ExternalEverything).Get<V1Role>("safedrop-acme-api");

        foreach (var rule in role.Rules)
        {
            foreach (var resource in rule.Resources)
            {
                var need = Assert.Single(needs, n => n.Group == rule.ApiGroups.Single() && n.Resource == resource);
                Assert.Subset(need.Verbs.ToHashSet(), rule.Verbs.ToHashSet());
            }
        }
    }

    [Fact]
    public void Should_ListEachResourceOnce_WithSortedVerbs()
    {
        var needs = PlatformPermissions.OperatorNeeds();

        Assert.Equal(needs.Count, needs.Select(n => (n.Group, n.Resource)).Distinct().Count());
        Assert.All(needs, n => Assert.Equal(n.Verbs.Order(StringComparer.Ordinal), n.Verbs));
    }
}
