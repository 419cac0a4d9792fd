using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Cel;

namespace Safedrop.Testing.Tests.Cel;

public sealed class CelProgramTests
{
    private const string Self = """
        {"name":"Alpha","count":3,"ratio":0.5,"on":true,"tags":["a","b","c"],"nested":{"x":1},
         "items":[{"name":"a","n":1},{"name":"b","n":2}],"empty":[]}
        """;

    [Theory]
    [InlineData("self.count == 3")]
    [InlineData("self.count != 4")]
    [InlineData("self.count < 4 && self.count <= 3 && self.count > 2 && self.count >= 3")]
    [InlineData("self.count + 2 == 5")]
    [InlineData("self.count - 5 == -2")]
    [InlineData("self.count * 2 == 6 && self.count / 2 == 1 && self.count % 2 == 1")]
    [InlineData("self.ratio == 0.5 && self.ratio < 1")]
    [InlineData("self.count == 3.0")]
    [InlineData("self.name + '-x' == 'Alpha-x'")]
    [InlineData("\"double\" == 'double'")]
    [InlineData("self.on && !false")]
    [InlineData("false || self.on")]
    [InlineData("self.on ? true : false")]
    [InlineData("(self.count > 1 ? 1 : 0) + (has(self.missing) ? 1 : 0) == 1")]
    [InlineData("has(self.nested) && !has(self.missing) && has(self.nested.x)")]
    [InlineData("size(self.tags) == 3 && self.tags.size() == 3 && size(self.name) == 5 && size(self.nested) == 1")]
    [InlineData("'b' in self.tags && !('z' in self.tags) && 'x' in self.nested")]
    [InlineData("self.tags.all(t, size(t) == 1)")]
    [InlineData("self.tags.exists(t, t == 'b')")]
    [InlineData("self.tags.exists_one(t, t == 'c')")]
    [InlineData("!self.tags.exists_one(t, t != 'c')")]
    [InlineData("self.items.exists(i, i.name == 'b' && i.n == 2)")]
    [InlineData("self.empty.all(x, false)")]
    [InlineData("!self.empty.exists(x, true)")]
    [InlineData("self.tags.map(t, t + t) == ['aa', 'bb', 'cc']")]
    [InlineData("self.tags.filter(t, t != 'a') == ['b', 'c']")]
    [InlineData("self.name.lowerAscii() == 'alpha' && self.name.upperAscii() == 'ALPHA'")]
    [InlineData("self.name.startsWith('Al') && self.name.endsWith('ha') && self.name.contains('ph')")]
    [InlineData("self.name.matches('^[A-Z][a-z]+$') && !self.name.matches('^[0-9]+$')")]
    [InlineData("[1, 2] + [3] == [1, 2, 3]")]
    [InlineData("{'a': 1}['a'] == 1")]
    [InlineData("self.tags[0] == 'a'")]
    [InlineData("int('42') == 42 && string(7) == '7' && double(1) == 1.0")]
    [InlineData("'a,b'.split(',') == ['a', 'b'] && ['a', 'b'].join('-') == 'a-b'")]
    [InlineData("r'\\d' == '\\\\d'")]
    [InlineData("null == null && self.nested != null")]
    [InlineData("true || self.missing.x == 1")]
    [InlineData("self.missing.x == 1 || true")]
    [InlineData("!(false && self.missing.x == 1)")]
    [InlineData("[3, 1, 2].sum() == 6 && [3, 1, 2].min() == 1 && [1, 2, 3].isSorted()")]
    public void Should_EvaluateToTrue_When_ExpressionHolds(string rule)
    {
        Assert.True(CelProgram.Compile(rule).Holds(JsonNode.Parse(Self), null));
    }

    [Theory]
    [InlineData("self.missing == 1", "no such key: missing")]
    [InlineData("self.count + 'x' == 'y'", "no such overload")]
    [InlineData("self.count / 0 == 1", "division by zero")]
    [InlineData("9223372036854775807 + 1 > 0", "overflow")]
    [InlineData("self.tags[5] == 'a'", "index out of bounds")]
    public void Should_FailEvaluation_When_ExpressionIsInvalidForTheValue(string rule, string error)
    {
        var thrown = Assert.Throws<CelException>(() => CelProgram.Compile(rule).Holds(JsonNode.Parse(Self), null));

        Assert.Contains(error, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self ==")]
    [InlineData("self.x ? 1")]
    [InlineData("other == 1")]
    [InlineData("self.frobnicate()")]
    [InlineData("'unterminated")]
    public void Should_RefuseToCompile_When_RuleIsMalformed(string rule)
    {
        Assert.Throws<CelException>(() => CelProgram.Compile(rule));
    }

    [Fact]
    public void Should_BeTransitionRule_When_RuleMentionsOldSelf()
    {
        var rule = CelProgram.Compile("self == oldSelf");

        Assert.True(rule.IsTransitionRule);
        Assert.False(rule.Holds(JsonValue.Create("b"), JsonValue.Create("a")));
        Assert.True(rule.Holds(JsonValue.Create("a"), JsonValue.Create("a")));
    }
}
