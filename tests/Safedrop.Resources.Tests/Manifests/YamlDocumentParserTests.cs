using System.Text.Json.Nodes;
using Safedrop.Resources.Manifests;

namespace Safedrop.Resources.Tests.ManifestReading;

/// <summary>YAML 1.2 core schema: how each scalar becomes JSON.</summary>
public class YamlDocumentParserTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("TRUE", "true")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("", "null")]
    [InlineData("42", "42")]
    [InlineData("-0042", "-42")]
    [InlineData("+7", "7")]
    [InlineData("0o17", "15")]
    [InlineData("0xff", "255")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("-1.25e3", "-1.25e3")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("0b101", "\"0b101\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("2026-01-01", "\"2026-01-01\"")]
    [InlineData("10Gi", "\"10Gi\"")]
    [InlineData("\"42\"", "\"42\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("! 42", "\"42\"")]
    [InlineData("!!int \"42\"", "42")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("|\n  two\n  lines", "\"two\\nlines\"")]
    public void Should_TypeTheScalar_When_ItIsPlainOrQuoted(string yaml, string json)
    {
        var document = Parse("value: " + yaml);

        Assert.Empty(document.Problems);
        Assert.Equal(json, document.Root!["value"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    public void Should_ReportIt_When_AFloatCannotBeJson(string yaml)
    {
        var problem = Assert.Single(Parse("value: " + yaml).Problems);

        Assert.Contains("cannot be represented in JSON", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!int abc", "'abc' is not a valid !!int")]
    [InlineData("!custom x", "unsupported YAML tag !custom")]
    public void Should_ReportIt_When_ATagDoesNotFit(string yaml, string message)
    {
        var problem = Assert.Single(Parse("a: 1\nvalue: " + yaml).Problems);

        Assert.Equal(2, problem.Location.Line);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RecordTheLineOfEveryValue_When_ReadingNestedListsAndMappings()
    {
        var document = Parse("""
            spec:
              collaborators:
                - email: a@acme.example
                  role: View
                -
                  email: b@acme.example
            """);

        Assert.Equal(1, document.Lines.LineOf(FieldPath.Parse("spec")));
        Assert.Equal(2, document.Lines.LineOf(FieldPath.Parse("spec.collaborators")));
        Assert.Equal(4, document.Lines.LineOf(FieldPath.Parse("spec.collaborators[0].role")));
        Assert.Equal(6, document.Lines.LineOf(FieldPath.Parse("spec.collaborators[1].email")));
        Assert.Equal(6, document.Lines.LineOf(FieldPath.Parse("$.spec.collaborators[1]['email']")));
        Assert.Equal(4, document.Lines.LineOf(FieldPath.Parse("spec.collaborators[0].role.missing")));
    }

    [Fact]
    public void Should_SkipEmptyDocuments_When_AFileHasSeparatorsAndCommentsOnly()
    {
        var problems = new List<ManifestProblem>();

        var documents = YamlDocumentParser.Parse(new ManifestSource("f.yaml", "# only a comment\n---\n---\n~\n---\n"), problems);

        Assert.Empty(documents);
        Assert.Empty(problems);
    }

    [Fact]
    public void Should_StopWithAProblem_When_AnAliasExpandsBeyondAnyObject()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Join('\n',
            Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i - 1), 10))}]"));
        var problems = new List<ManifestProblem>();

        YamlDocumentParser.Parse(new ManifestSource("bomb.yaml", bomb), problems);

        Assert.Contains("more than 1000000 values", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    private static YamlDocument Parse(string yaml)
    {
        var problems = new List<ManifestProblem>();
        var document = Assert.Single(YamlDocumentParser.Parse(new ManifestSource("f.yaml", yaml), problems));
        Assert.Empty(problems);
        Assert.IsType<JsonObject>(document.Root);
        return document;
    }
}
