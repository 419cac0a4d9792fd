using k8s.Models;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Tests.Schema;

/// <summary>Attribute mistakes the generator refuses rather than write a CRD the API server would refuse.</summary>
public class CrdGeneratorGuardTests
{
    [Fact]
    public void Should_Refuse_When_ADefaultBreaksItsOwnRange()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrdGenerator.Generate(typeof(BadDefault)));

        Assert.Contains("BadDefaultSpec.Count", error.Message, StringComparison.Ordinal);
        Assert.Contains("greater than or equal to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_AListMapKeyIsNotRequired()
    {
        var error = Assert.Throws<NotSupportedException>(() => CrdGenerator.Generate(typeof(OptionalMapKey)));

        Assert.Contains("list-map key 'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_APatternIsOnANumber() =>
        Assert.Throws<NotSupportedException>(() => CrdGenerator.Generate(typeof(PatternOnNumber)));

    [Fact]
    public void Should_Refuse_When_ATypeContainsItself() =>
        Assert.Throws<NotSupportedException>(() => CrdGenerator.Generate(typeof(Recursive)));

    [Fact]
    public void Should_Refuse_When_TheTypeIsNotAKubernetesEntity() =>
        Assert.Throws<ArgumentException>(() => CrdGenerator.Generate(typeof(BadDefaultSpec)));

    [KubernetesEntity(Group = "safedrop.io", ApiVersion = "v1alpha1", Kind = "BadDefault", PluralName = "baddefaults")]
    [ResourceNames("bd")]
    public sealed class BadDefault() : SafedropResource<BadDefaultSpec, ResourceStatus>("BadDefault");

    public sealed class BadDefaultSpec
    {
        [Range(1, 5), Default(0)]
        public int Count { get; set; }
    }

    [KubernetesEntity(Group = "safedrop.io", ApiVersion = "v1alpha1", Kind = "OptionalMapKey", PluralName = "optionalmapkeys")]
    [ResourceNames("omk")]
    public sealed class OptionalMapKey() : SafedropResource<OptionalMapKeySpec, ResourceStatus>("OptionalMapKey");

    public sealed class OptionalMapKeySpec
    {
        [ListMapKeys("name"), Items(0, 10)]
        public List<Named> Entries { get; set; } = [];
    }

    public sealed class Named
    {
        public string? Name { get; set; }
    }

    [KubernetesEntity(Group = "safedrop.io", ApiVersion = "v1alpha1", Kind = "PatternOnNumber", PluralName = "patternonnumbers")]
    [ResourceNames("pon")]
    public sealed class PatternOnNumber() : SafedropResource<PatternOnNumberSpec, ResourceStatus>("PatternOnNumber");

    public sealed class PatternOnNumberSpec
    {
        [Pattern("^[0-9]+$")]
        public int Count { get; set; }
    }

    [KubernetesEntity(Group = "safedrop.io", ApiVersion = "v1alpha1", Kind = "Recursive", PluralName = "recursives")]
    [ResourceNames("rec")]
    public sealed class Recursive() : SafedropResource<Folder, ResourceStatus>("Recursive");

    public sealed class Folder
    {
        public List<Folder> Children { get; set; } = [];
    }
}
