using k8s.Models;
using Safedrop.Operator.Runtime.Apply;

namespace Safedrop.Operator.Tests.Runtime;

public class DesiredStateTests
{
    private static V1ConfigMap Desired() => DesiredState.Stamp(new V1ConfigMap
    {
        Metadata = new V1ObjectMeta { Name = "safedrop-acme-config", NamespaceProperty = "acme", Labels = new Dictionary<string, string> { ["a"] = "1" } },
        Data = new Dictionary<string, string> { ["tenant.json"] = "{}" },
    });

    private static V1ConfigMap Observed(Action<V1ConfigMap>? change = null)
    {
        // What the server returns: our fields plus its own.
        var observed = Desired();
        observed.Metadata.ResourceVersion = "42";
        observed.Metadata.Uid = "u-1";
        observed.Metadata.Labels["added-by-someone"] = "x";
        change?.Invoke(observed);
        return observed;
    }

    [Fact]
    public void Should_SkipTheApply_When_TheObservedObjectHoldsEveryDesiredField() =>
        Assert.True(DesiredState.IsSatisfied(Desired(), Observed()));

    [Fact]
    public void Should_Apply_When_TheChildIsMissing() =>
        Assert.False(DesiredState.IsSatisfied(Desired(), null));

    [Fact]
    public void Should_Apply_When_SomeoneEditedAField() =>
        Assert.False(DesiredState.IsSatisfied(Desired(), Observed(o => o.Data["tenant.json"] = "tampered")));

    [Fact]
    public void Should_Apply_When_TheDesiredObjectChanged()
    {
        var changed = Desired();
        changed.Metadata.Annotations.Remove(DesiredState.AppliedHashAnnotation);
        changed.Data["revision"] = "2";

        Assert.False(DesiredState.IsSatisfied(DesiredState.Stamp(changed), Observed()));
    }

    [Fact]
    public void Should_StampTheSameHash_When_TheContentIsTheSame() =>
        Assert.Equal(Desired().Metadata.Annotations[DesiredState.AppliedHashAnnotation], Desired().Metadata.Annotations[DesiredState.AppliedHashAnnotation]);
}
