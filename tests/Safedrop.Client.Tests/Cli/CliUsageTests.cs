using Safedrop.Client.Cli;

namespace Safedrop.Client.Tests.Cli;

/// <summary>Parsing and usage errors: exit code 2 and a message, before any request is made.</summary>
public sealed class CliUsageTests
{
    [Theory]
    [InlineData("send", "command: 'send'")]
    [InlineData("send a.txt", "--to")]
    [InlineData("upload a.txt", "--dropzone")]
    [InlineData("sign-in --server https://h", "--email")]
    [InlineData("sign-in --server not-a-url --email a@b.example", "--server must be an http(s) URL")]
    [InlineData("download", "command: 'download'")]
    [InlineData("frobnicate", "frobnicate")]
    public async Task Should_ExitWithUsage_When_ArgumentsAreWrong(string args, string mentioned)
    {
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync(args.Split(' '));

        Assert.Equal(SafedropCli.Usage, code);
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitWithUsage_When_NotSignedIn()
    {
        using var cli = new CliRun();
        File.WriteAllText(Path.Combine(cli.ConfigFolder, "a.txt"), "x");

        var (code, _, error) = await cli.RunAsync("send", "--server", "https://safedrop.example", "--to", "b@acme.example", Path.Combine(cli.ConfigFolder, "a.txt"));

        Assert.Equal(SafedropCli.Usage, code);
        Assert.Contains("Not signed in to https://safedrop.example/", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitWithUsage_When_AFileIsMissing()
    {
        using var cli = new CliRun();
        cli.Set("SAFEDROP_API_KEY", "sdk_test");

        var (code, _, error) = await cli.RunAsync("upload", "--server", "https://safedrop.example", "--dropzone", "x", "/no/such/file");

        Assert.Equal(SafedropCli.Usage, code);
        Assert.Contains("No such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitWithUsage_When_TheLinkIsNotASafedropLink()
    {
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync("download", "https://example.com/x");

        Assert.Equal(SafedropCli.Usage, code);
        Assert.Contains("Not a Safedrop link", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ShowTheVerbs_When_AskedForHelp()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("--help");

        Assert.Equal(SafedropCli.Ok, code);
        foreach (var verb in new[] { "sign-in", "sign-out", "send", "upload", "download", "list", "device-key" }) Assert.Contains(verb, output, StringComparison.Ordinal);
    }
}
