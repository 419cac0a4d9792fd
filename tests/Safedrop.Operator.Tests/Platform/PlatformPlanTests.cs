using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public partial class PlatformPlanTests
{
    private static readonly IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Full = Plan(Everything);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex KebabCase();

    [Fact]
    public void Should_PlaceEveryObjectInTheOrganizationsNamespace()
    {
        Assert.All(Full, o => Assert.Equal(Namespace, o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void Should_NameEveryObjectAfterTheOrganizationAndComponent()
    {
        Assert.All(Full, o =>
        {
            Assert.StartsWith("safedrop-acme-", o.Metadata.Name, StringComparison.Ordinal);
            Assert.Matches(KebabCase(), o.Metadata.Name);
            Assert.InRange(o.Metadata.Name.Length, 1, 63);
        });
    }

    [Fact]
    public void Should_LabelEveryObjectWithTheRecommendedLabels()
    {
        Assert.All(Full, o =>
        {
            var labels = o.Metadata.Labels;
            Assert.Equal("acme", labels["app.kubernetes.io/instance"]);
            Assert.Equal("safedrop", labels["app.kubernetes.io/part-of"]);
            Assert.Equal("safedrop-operator", labels["app.kubernetes.io/managed-by"]);
            Assert.False(string.IsNullOrEmpty(labels["app.kubernetes.io/name"]));
            Assert.False(string.IsNullOrEmpty(labels["app.kubernetes.io/component"]));
        });
    }

    [Fact]
    public void Should_SelectPodsByAStableSubsetOfTheirLabels()
    {
        var selectors = Full.OfType<V1Deployment>().Select(d => (d.Spec.Selector, d.Spec.Template))
            .Concat(Full.OfType<V1StatefulSet>().Select(s => (s.Spec.Selector, s.Spec.Template)));

        Assert.All(selectors, pair =>
        {
            Assert.Equal(["app.kubernetes.io/component", "app.kubernetes.io/instance", "app.kubernetes.io/name"], pair.Selector.MatchLabels.Keys.Order(StringComparer.Ordinal));
            Assert.All(pair.Selector.MatchLabels, l => Assert.Equal(l.Value, pair.Template.Metadata.Labels[l.Key]));
        });
    }

    [Fact]
    public void Should_OwnerReferenceEveryChildExceptRetainedData()
    {
        var plan = Plan(spec => { Everything(spec); spec.DataRetention.OnDelete = DeletionPolicy.Retain; });

        var (retained, owned) = plan.Partition(o => o.Metadata.Name == "safedrop-acme-kek");

        Assert.All(owned, o =>
        {
            var owner = Assert.Single(o.Metadata.OwnerReferences);
            Assert.Equal(("safedrop.io/v1alpha1", "Organization", "acme", Uid, true, true),
                (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        });
        Assert.Null(Assert.Single(retained).Metadata.OwnerReferences);
        Assert.All(plan.OfType<V1StatefulSet>().SelectMany(s => s.Spec.VolumeClaimTemplates), t => Assert.Null(t.Metadata.OwnerReferences));
    }

    [Fact]
    public void Should_OwnerReferenceTheKeyEncryptionKey_When_DataIsDeletedWithTheOrganization()
    {
        var plan = Plan(spec => spec.DataRetention.OnDelete = DeletionPolicy.Delete);

        Assert.Single(plan.Get<V1Secret>("safedrop-acme-kek").Metadata.OwnerReferences);
    }

    [Fact]
    public void Should_BuildIdenticalObjects_When_InputsAreUnchanged()
    {
        var first = Plan(Everything);
        var inputs = WithSecretsOf(first);

        var second = Plan(Everything, inputs);
        var third = Plan(Everything, inputs);

        Assert.Equal(first.Json(), second.Json());
        Assert.Equal(second.Json(), third.Json());
    }

    [Fact]
    public void Should_SerialiseEveryObject_And_RoundTripThroughStrictYaml()
    {
        var plans = new[] { Full, Plan(ExternalEverything), Plan() };

        foreach (var plan in plans)
        {
            var yaml = KubernetesYaml.SerializeAll(plan);
            var loaded = KubernetesYaml.LoadAllFromString(yaml, strict: true);

            Assert.Equal(plan.Select(o => o.GetType()), loaded.Select(o => o.GetType()));
            Assert.Equal(plan.Select(o => KubernetesJson.Serialize(o)), loaded.Select(o => KubernetesJson.Serialize(o)));
        }
    }

    [Fact]
    public void Should_SetApiVersionAndKindOnEveryObject_ForServerSideApply()
    {
        Assert.All(Full, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.ApiVersion));
            Assert.False(string.IsNullOrEmpty(o.Kind));
        });
    }

    [Fact]
    public void Should_NameEachObjectOncePerKind()
    {
        var duplicates = Full.GroupBy(o => (o.Kind, o.Metadata.Name)).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Should_RunTheInForcePlatform_When_TheLiveSpecIsNotTheLastValidOne()
    {
        var organization = AnOrganization(spec => spec.Platform.Api.Replicas = 3);
        var compiled = Compile(organization);
        organization.Spec.Platform = new PlatformSpec { Api = new ApiSpec { Replicas = 7 } };

        var plan = PlatformPlan.Build(organization, compiled, Inputs);

        Assert.Equal(3, plan.Get<V1Deployment>("safedrop-acme-api").Spec.Replicas);
    }

    [Fact]
    public void Should_RetainData_When_EitherTheLiveOrTheInForceSpecSaysRetain()
    {
        var organization = AnOrganization(spec => spec.DataRetention.OnDelete = DeletionPolicy.Retain);
        var compiled = Compile(organization);
        organization.Spec.DataRetention.OnDelete = DeletionPolicy.Delete;

        var plan = PlatformPlan.Build(organization, compiled, Inputs);

        Assert.Null(plan.Get<V1Secret>("safedrop-acme-kek").Metadata.OwnerReferences);
        Assert.Equal("Retain", plan.Get<V1StatefulSet>("safedrop-acme-minio").Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted);
    }

    [Fact]
    public void Should_RefuseToBuild_When_TheOrganizationHasNoUid()
    {
        var organization = AnOrganization();
        organization.Metadata.Uid = null;

        Assert.Throws<ArgumentException>(() => PlatformPlan.Build(organization, Compile(AnOrganization()), Inputs));
    }

    [Fact]
    public void Should_ApplyIdentitiesAndSecretsBeforeTheWorkloadsThatUseThem()
    {
        var order = Full.Select((o, i) => (o, i)).ToList();
        int First<T>() => order.First(p => p.o is T).i;
        int Last<T>() => order.Last(p => p.o is T).i;

        Assert.True(Last<V1Secret>() < First<V1StatefulSet>());
        Assert.True(Last<V1Secret>() < First<V1Deployment>());
        Assert.True(First<V1ServiceAccount>() < First<V1Deployment>());
    }

    [Fact]
    public void Should_KnowTheApplyOrderOfEveryKindItBuilds()
    {
        Assert.All(Full.Concat(Plan(ExternalEverything)), o => Assert.Contains(o.GetType(), PlatformPlan.ApplyOrder));
    }

    [Fact]
    public void Should_HoldBackOnlyTheApiDeployment_When_NoMailRelayIsDeclared()
    {
        var organization = AnOrganization(spec => spec.Platform.Mail = null);
        var context = PlatformContext.From(organization, Compile(organization), Inputs);

        var plan = PlatformPlan.Build(context);

        Assert.False(plan.Has<V1Deployment>("safedrop-acme-api"));
        Assert.Equal([(typeof(V1Deployment), "safedrop-acme-api")], PlatformPlan.HeldBack(context));
        Assert.True(plan.Has<V1StatefulSet>("safedrop-acme-minio"));
        Assert.True(plan.Has<V1Deployment>("safedrop-acme-pin-cache"));
        Assert.Equal(ApiBlocker.MailRelayMissing, ApiBlocker.Of(context.Spec)?.Reason);
        Assert.Contains("spec.platform.mail", ApiBlocker.Of(context.Spec)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_HoldNothingBack_When_AMailRelayIsDeclared()
    {
        var organization = AnOrganization();

        Assert.Empty(PlatformPlan.HeldBack(PlatformContext.From(organization, Compile(organization), Inputs)));
        Assert.True(Plan(organization).Has<V1Deployment>("safedrop-acme-api"));
    }
}

internal static class PartitionExtensions
{
    public static (List<T> Matching, List<T> Others) Partition<T>(this IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items.ToList();
        return ([.. list.Where(predicate)], [.. list.Where(i => !predicate(i))]);
    }
}
