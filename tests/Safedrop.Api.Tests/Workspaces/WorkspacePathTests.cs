using Safedrop.Api.Workspaces;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>Path rules: normalised, no '..' or empty segments, bounded, compared ignoring case.</summary>
public sealed class WorkspacePathTests
{
    [Theory]
    [InlineData("a/b/c.txt", "a/b/c.txt")]
    [InlineData("/a/b/", "a/b")]
    [InlineData("", "")]
    [InlineData("Reports/Q1 2025.pdf", "Reports/Q1 2025.pdf")]
    [InlineData("Stra\u00dfe/\u00e9t\u00e9.txt", "Stra\u00dfe/\u00e9t\u00e9.txt")]
    [InlineData("..hidden/x", "..hidden/x")]
    public void Should_Accept_When_The_Path_Is_Valid(string raw, string expected)
    {
        var path = WorkspacePath.Parse(raw, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, path!.Value);
    }

    [Theory]
    [InlineData("a//b")]
    [InlineData("a/../b")]
    [InlineData("..")]
    [InlineData("./a")]
    [InlineData("a\\b")]
    [InlineData("a/\u0001b")]
    [InlineData("a/ b")]
    [InlineData("a/b ")]
    public void Should_Refuse_With_A_Reason_When_The_Path_Is_Invalid(string raw)
    {
        Assert.Null(WorkspacePath.Parse(raw, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Should_Refuse_When_A_Name_Holds_A_Lone_Surrogate()
    {
        var lone = "a/" + (char)0xD800 + "b";

        Assert.Null(WorkspacePath.Parse(lone, out var problem));
        Assert.Contains("Unicode", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_A_Name_Or_The_Path_Or_The_Depth_Is_Too_Long()
    {
        Assert.Null(WorkspacePath.Parse(new string('n', WorkspacePath.MaxSegmentLength + 1), out _));
        Assert.NotNull(WorkspacePath.Parse(new string('n', WorkspacePath.MaxSegmentLength), out _));
        Assert.Null(WorkspacePath.Parse(string.Join('/', Enumerable.Repeat(new string('n', 200), 6)), out _));
        Assert.Null(WorkspacePath.Parse(string.Join('/', Enumerable.Repeat("n", WorkspacePath.MaxDepth + 1)), out _));
        Assert.NotNull(WorkspacePath.Parse(string.Join('/', Enumerable.Repeat("n", WorkspacePath.MaxDepth)), out _));
    }

    [Fact]
    public void Should_Be_One_Entry_When_Only_Case_Differs_And_Keep_The_Spelling()
    {
        var upper = WorkspacePath.Parse("Reports/Q1.PDF", out _)!;
        var lower = WorkspacePath.Parse("reports/q1.pdf", out _)!;

        Assert.Equal(upper, lower);
        Assert.Equal(upper.Hash(), lower.Hash());
        Assert.Equal("Reports/Q1.PDF", upper.Value);
        Assert.True(lower.IsWithin(WorkspacePath.Parse("REPORTS", out _)!));
        Assert.False(WorkspacePath.Parse("reports2/x", out _)!.IsWithin(WorkspacePath.Parse("reports", out _)!));
    }
}
