using Safedrop.Api.Configuration;

namespace Safedrop.Api.Tests;

public class LocalModeArgumentsTests
{
    [Fact]
    public void Should_SetModeAndFolder_When_LocalSwitchIsGiven() =>
        Assert.Equal(
            ["--Safedrop:Mode=Local", "--Safedrop:Local:Folder=examples/enterprise", "--urls", "http://127.0.0.1:6000"],
            LocalModeArguments.Expand(["--local", "examples/enterprise", "--urls", "http://127.0.0.1:6000"]));

    [Fact]
    public void Should_AcceptEqualsForm_When_LocalSwitchHasValueAttached() =>
        Assert.Equal(
            ["--Safedrop:Mode=Local", "--Safedrop:Local:Folder=tenant"],
            LocalModeArguments.Expand(["--local=tenant"]));

    [Fact]
    public void Should_LeaveArgumentsAlone_When_LocalSwitchIsAbsent() =>
        Assert.Equal(["--urls", "http://127.0.0.1:6000"], LocalModeArguments.Expand(["--urls", "http://127.0.0.1:6000"]));

    [Fact]
    public void Should_Refuse_When_LocalSwitchHasNoFolder() =>
        Assert.Throws<ArgumentException>(() => LocalModeArguments.Expand(["--local"]));
}
