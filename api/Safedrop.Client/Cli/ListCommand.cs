using System.CommandLine;
using System.Globalization;

namespace Safedrop.Client.Cli;

/// <summary><c>safedrop list [--sent]</c>: one line per package, newest first.</summary>
internal static class ListCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var sent = new Option<bool>("--sent") { Description = "List what you sent instead of what you received." };
        var command = new Command("list", "List received (or sent) packages.") { sent };
        SafedropCli.SetHandler(command, environment, async (context, cancellationToken) =>
        {
            using var client = context.Connect();
            var box = context.Parse.GetValue(sent) ? PackageBox.Sent : PackageBox.Received;
            foreach (var package in await client.ListAsync(box, cancellationToken))
            {
                var bytes = package.Files.Sum(f => f.Size);
                var who = box == PackageBox.Sent ? package.Dropzone is { } dz ? "dropzone " + dz : string.Join(",", package.Recipients ?? []) : package.Sender;
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{package.CreatedAt:yyyy-MM-dd HH:mm}  {package.PackageId}  {who}  {package.Files.Count} file(s), {bytes} bytes: {string.Join(", ", package.Files.Select(f => f.Name))}"));
            }

            return SafedropCli.Ok;
        });
        return command;
    }
}
