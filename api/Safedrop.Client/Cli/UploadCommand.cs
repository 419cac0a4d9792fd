using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary><c>safedrop upload --dropzone NAME [--message TEXT] FILE...</c>: prints the secure link.</summary>
internal static class UploadCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var dropzone = new Option<string>("--dropzone") { Description = "The Dropzone's name.", Required = true };
        var message = new Option<string>("--message") { Description = "A message, encrypted like the files." };
        var files = FileArguments.Create();
        var command = new Command("upload", "Upload files to a Dropzone, end-to-end encrypted; prints the secure link.") { dropzone, message, files };
        SafedropCli.SetHandler(command, environment, async (context, cancellationToken) =>
        {
            var uploads = FileArguments.Open(context.Parse.GetRequiredValue(files));
            using var client = context.Connect();
            var link = await client.UploadToDropzoneAsync(context.Parse.GetRequiredValue(dropzone), uploads, context.Parse.GetValue(message), null, cancellationToken);
            await context.Output.WriteLineAsync(link.Url);
            return SafedropCli.Ok;
        });
        return command;
    }
}
