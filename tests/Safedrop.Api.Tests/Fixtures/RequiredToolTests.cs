using Safedrop.Testing;
using Xunit.Sdk;

namespace Safedrop.Api.Tests.Fixtures;

public sealed class RequiredToolTests
{
    private static readonly RequiredTool Missing = new("no-such-tool", "apt-get install -y no-such-tool");

    [Fact]
    public void Should_Fail_Naming_The_Install_Command_When_Running_In_Ci()
    {
        var failure = Assert.Throws<MissingToolException>(() => Missing.ReportMissing(runningInCi: true));

        Assert.Contains("apt-get install -y no-such-tool", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Skip_With_The_Reason_When_Not_Running_In_Ci()
    {
        // Caught by hand: xunit's own assertions let a skip through, which would skip this test instead.
        SkipException? skip = null;
        try
        {
            Missing.ReportMissing(runningInCi: false);
        }
        catch (SkipException e)
        {
            skip = e;
        }

        Assert.NotNull(skip);
        Assert.Contains("no-such-tool is not installed", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Find_An_Executable_When_It_Is_On_The_Path() =>
        Assert.NotNull(RequiredTool.FindOnPath("sh"));

    [Fact]
    public void Should_Find_Nothing_When_No_Such_Executable_Exists() =>
        Assert.Null(RequiredTool.FindOnPath("no-such-tool-" + Guid.NewGuid().ToString("N")));
}
