using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Tests.Schema;

/// <summary>The rules kube-apiserver applies to a CRD's schema before it accepts it, checked on what we generate.</summary>
public class CrdStructureTests
{
    public static TheoryData<string> Kinds => [.. ValidResources.Kinds];

    [Theory, MemberData(nameof(Kinds))]
    public void Should_GiveEveryNodeAType_When_TheNodeIsNotIntOrString(string kind)
    {
        var untyped = Nodes(SchemaPaths.Crd(kind)).Where(n => n.Node.Type is null && n.Node.XKubernetesIntOrString != true).Select(n => n.Path);

        Assert.Empty(untyped);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_NeverCombinePropertiesWithAdditionalProperties_When_Generated(string kind) =>
        Assert.DoesNotContain(Nodes(SchemaPaths.Crd(kind)), n => n.Node.Properties is not null && n.Node.AdditionalProperties is not null);

    [Theory, MemberData(nameof(Kinds))]
    public void Should_GiveDefaultsThatPassTheirOwnSchema_When_Generated(string kind)
    {
        var broken = Nodes(SchemaPaths.Crd(kind))
            .Where(n => n.Node.DefaultProperty is not null)
            .SelectMany(n => SchemaValidator.Validate(JsonNode.Parse(JsonSerializer.Serialize(n.Node.DefaultProperty)), n.Node)
                .Select(v => $"{n.Path}: {v.Message}"));

        Assert.Empty(broken);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_WritePatternsGoCanCompile_When_Generated(string kind)
    {
        // RE2 (Go's regexp, which the API server uses) has no \u escapes and no lookaround.
        var foreign = Nodes(SchemaPaths.Crd(kind))
            .Where(n => n.Node.Pattern is { } p && (Regex.IsMatch(p, @"(?<!\\)(\\\\)*\\u") || p.Contains("(?=", StringComparison.Ordinal)
                || p.Contains("(?!", StringComparison.Ordinal) || p.Contains("(?<", StringComparison.Ordinal)))
            .Select(n => $"{n.Path}: {n.Node.Pattern}");

        Assert.Empty(foreign);
    }

    [Theory]
    [InlineData("acme.example", true)]
    [InlineData("bücher.example", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("-acme.example", false)]
    [InlineData("acme", false)]
    public void Should_KeepTheDomainPatternsMeaning_When_UnicodeEscapesAreRewritten(string domain, bool matches)
    {
        var written = ((V1JSONSchemaProps)SchemaPaths.Crd("Organization").At("spec.domains").Items).Pattern;

        Assert.Equal(Regex.IsMatch(domain, Patterns.Domain), Regex.IsMatch(domain, written));
        Assert.Equal(matches, Regex.IsMatch(domain, written));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_BoundEveryListACelRuleCanReach_When_Generated(string kind)
    {
        // A rule's estimated cost grows with the lists it runs in or reads: unbounded ones blow the API server's budget.
        var nodes = Nodes(SchemaPaths.Crd(kind)).ToList();
        var rulePaths = nodes.Where(n => n.Node.XKubernetesValidations is { Count: > 0 }).Select(n => n.Path).ToList();
        var unbounded = nodes
            .Where(n => n.Node.Type == "array" && n.Node.MaxItems is null)
            .Where(n => rulePaths.Any(r => r.StartsWith(n.Path + "[]", StringComparison.Ordinal) || n.Path.StartsWith(r, StringComparison.Ordinal)))
            .Select(n => n.Path);

        Assert.Empty(unbounded);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_RequireEveryListMapKeyInTheItem_When_AListIsAMap(string kind)
    {
        var maps = Nodes(SchemaPaths.Crd(kind)).Where(n => n.Node.XKubernetesListType == "map").ToList();

        Assert.NotEmpty(maps);
        foreach (var (path, map) in maps)
        {
            var item = (V1JSONSchemaProps)map.Items;
            foreach (var key in map.XKubernetesListMapKeys)
            {
                Assert.True(item.Required?.Contains(key) == true, $"{path}: key {key} is not required");
                Assert.Contains(item.Properties[key].Type, new[] { "string", "integer", "boolean" });
            }
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Should_KeepSetItemsScalar_When_AListIsASet(string kind) =>
        Assert.All(
            Nodes(SchemaPaths.Crd(kind)).Where(n => n.Node.XKubernetesListType == "set"),
            n => Assert.Contains(((V1JSONSchemaProps)n.Node.Items).Type, new[] { "string", "integer", "number", "boolean" }));

    private static IEnumerable<(string Path, V1JSONSchemaProps Node)> Nodes(V1JSONSchemaProps node, string path = "")
    {
        yield return (path, node);
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            foreach (var descendant in Nodes(child, path.Length == 0 ? name : path + "." + name)) yield return descendant;
        }

        if (node.Items is V1JSONSchemaProps items)
        {
            foreach (var descendant in Nodes(items, path + "[]")) yield return descendant;
        }
    }
}
