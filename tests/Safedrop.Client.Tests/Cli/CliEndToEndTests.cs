using Safedrop.Client.Cli;
using Safedrop.Client.Tests.Hosting;
using Safedrop.Client.Tests.Unit;
using Safedrop.Crypto;

namespace Safedrop.Client.Tests.Cli;

/// <summary>The verbs in-process against the real API (local mode, streaming transfers).</summary>
public sealed class CliEndToEndTests
{
    [Fact]
    public async Task Should_SignInUploadAndDownload_When_RunAsCommands()
    {
        await using var api = new ApiHost();
        using var cli = new CliRun(_ => api.Server.CreateHandler());
        cli.Input = () => api.LatestPin(Tenant.Carol);
        var server = api.Server.BaseAddress.ToString();
        var content = RandomContent.Bytes(5 * RandomContent.MiB);
        var file = Path.Combine(cli.ConfigFolder, "scan.bin");
        await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);

        var signIn = await cli.RunAsync("sign-in", "--server", server, "--email", Tenant.Carol);
        Assert.Equal(SafedropCli.Ok, signIn.ExitCode);
        Assert.Contains("Signed in as " + Tenant.Carol, signIn.Output, StringComparison.Ordinal);
        Assert.Contains("PIN", signIn.Error, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.SessionPath));
        Assert.DoesNotContain(api.LatestPin(Tenant.Carol), signIn.Output + signIn.Error, StringComparison.Ordinal);

        var upload = await cli.RunAsync("upload", "--dropzone", Tenant.Dropzone, "--message", "hello", file);
        Assert.Equal(SafedropCli.Ok, upload.ExitCode);
        var link = SecureLink.Parse(upload.Output.Trim());
        Assert.NotNull(link.Keycode);
        Assert.Empty(upload.Error);

        var output = Path.Combine(cli.ConfigFolder, "out");
        var download = await cli.RunAsync("download", link.Url, "--output", output);
        Assert.Equal(SafedropCli.Ok, download.ExitCode);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(output, "scan.bin"), TestContext.Current.CancellationToken));
        Assert.Contains("hello", download.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(link.Keycode!.ToBase64Url(), download.Output + download.Error, StringComparison.Ordinal);

        var list = await cli.RunAsync("list", "--sent");
        Assert.Contains(link.PackageId, list.Output, StringComparison.Ordinal);

        var signOut = await cli.RunAsync("sign-out");
        Assert.Equal(SafedropCli.Ok, signOut.ExitCode);
        Assert.False(File.Exists(cli.SessionPath));
    }

    [Fact]
    public async Task Should_PrintTheProblemAndExitWithOne_When_TheApiRefuses()
    {
        await using var api = new ApiHost();
        using var cli = new CliRun(_ => api.Server.CreateHandler());
        cli.Input = () => api.LatestPin(Tenant.Carol);
        await cli.RunAsync("sign-in", "--server", api.Server.BaseAddress.ToString(), "--email", Tenant.Carol);
        var file = Path.Combine(cli.ConfigFolder, "a.txt");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var (code, _, error) = await cli.RunAsync("upload", "--dropzone", "no-such-dropzone", file);

        Assert.Equal(SafedropCli.Refused, code);
        Assert.StartsWith("https://safedrop.io/problems/dropzone-not-found: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_DownloadWithTheDeviceKey_When_TheLinkHasNoKeycode()
    {
        await using var api = new ApiHost();
        using var bob = new CliRun(_ => api.Server.CreateHandler()) { Input = () => api.LatestPin(Tenant.Bob) };
        using var alice = new CliRun(_ => api.Server.CreateHandler()) { Input = () => api.LatestPin(Tenant.Alice) };
        var server = api.Server.BaseAddress.ToString();
        Assert.Equal(SafedropCli.Ok, (await bob.RunAsync("sign-in", "--server", server, "--email", Tenant.Bob)).ExitCode);
        Assert.Equal(SafedropCli.Ok, (await alice.RunAsync("sign-in", "--server", server, "--email", Tenant.Alice)).ExitCode);
        var register = await bob.RunAsync("device-key", "register", "--name", "laptop");
        Assert.Equal(SafedropCli.Ok, register.ExitCode);
        var pem = Path.Combine(bob.ConfigFolder, "device-key.pem");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pem));
        using (DeviceKeyPair.ImportPkcs8Pem(await File.ReadAllTextAsync(pem, TestContext.Current.CancellationToken)))
        {
            // The stored key is a readable PKCS#8 P-256 key.
        }

        var file = Path.Combine(alice.ConfigFolder, "a.txt");
        await File.WriteAllTextAsync(file, "for bob's laptop", TestContext.Current.CancellationToken);
        var send = await alice.RunAsync("send", "--to", Tenant.Bob, "--for-devices", file);
        Assert.Equal(SafedropCli.Ok, send.ExitCode);
        var link = SecureLink.Parse(send.Output.Trim());

        var output = Path.Combine(bob.ConfigFolder, "out");
        var download = await bob.RunAsync("download", link.UrlWithoutKeycode, "--output", output);

        Assert.Equal(SafedropCli.Ok, download.ExitCode);
        Assert.Equal("for bob's laptop", await File.ReadAllTextAsync(Path.Combine(output, "a.txt"), TestContext.Current.CancellationToken));
    }
}
