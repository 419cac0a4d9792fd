using System.CommandLine;
using Safedrop.Crypto;

namespace Safedrop.Client.Cli;

/// <summary>
/// <c>safedrop download LINK [--output DIR]</c>. A link without <c>#k=</c> opens with the registered device key, if
/// the sender wrapped the keycode for it.
/// </summary>
internal static class DownloadCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var link = new Argument<string>("LINK") { Description = "The secure link (https://…/p/<id>#k=…)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder to write the files to (default: the current folder)." };
        var command = new Command("download", "Download and decrypt a package.") { link, output };
        SafedropCli.SetHandler(command, environment, async (context, cancellationToken) =>
        {
            if (!SecureLink.TryParse(context.Parse.GetRequiredValue(link), out var secureLink))
                throw new UsageException("Not a Safedrop link: expected https://host/p/<package id>#k=<keycode>.");
            var folder = context.Parse.GetValue(output)?.FullName ?? Directory.GetCurrentDirectory();
            using var client = context.Connect(secureLink.BaseAddress);
            var package = secureLink.Keycode is not null
                ? await client.OpenAsync(secureLink, cancellationToken)
                : await OpenWithDeviceKeyAsync(context, client, secureLink, cancellationToken);

            if (package.Message is { } message) await context.Error.WriteLineAsync($"Message from {package.Sender}: {message}");
            foreach (var path in await client.DownloadAsync(package, folder, null, cancellationToken))
                await context.Output.WriteLineAsync(path);
            return SafedropCli.Ok;
        });
        return command;
    }

    private static async Task<OpenedPackage> OpenWithDeviceKeyAsync(CliContext context, SafedropClient client, SecureLink link, CancellationToken cancellationToken)
    {
        var info = StoredDeviceKey.Read(context.Environment.DeviceKeyInfoPath);
        if (info is null || !File.Exists(context.Environment.DeviceKeyPath) || !CliContext.SameServer(info.Server, link.BaseAddress))
            throw new UsageException("The link has no keycode (#k=…) and no device key of this server is registered here: use the complete link.");
        using var key = DeviceKeyPair.ImportPkcs8Pem(await File.ReadAllTextAsync(context.Environment.DeviceKeyPath, cancellationToken));
        return await client.OpenWithDeviceKeyAsync(link.PackageId, info.Id, key, cancellationToken);
    }
}
