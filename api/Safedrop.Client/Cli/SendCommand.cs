using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary><c>safedrop send --to ADDR [--to ADDR] [--message TEXT] FILE...</c>: prints the secure link.</summary>
internal static class SendCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var to = new Option<string[]>("--to") { Description = "A recipient's e-mail address (repeat for more).", Required = true, Arity = ArgumentArity.OneOrMore };
        var message = new Option<string>("--message") { Description = "A message, encrypted like the files." };
        var wrap = new Option<bool>("--for-devices") { Description = "Also wrap the keycode for the recipients' trusted device keys, so they can open it without the link." };
        var files = FileArguments.Create();
        var command = new Command("send", "Send files end-to-end encrypted; prints the secure link.") { to, message, wrap, files };
        SafedropCli.SetHandler(command, environment, async (context, cancellationToken) =>
        {
            var uploads = FileArguments.Open(context.Parse.GetRequiredValue(files));
            using var client = context.Connect();
            var link = await client.SendAsync(context.Parse.GetRequiredValue(to), uploads, context.Parse.GetValue(message),
                context.Parse.GetValue(wrap), null, cancellationToken);
            // The one place the keycode is shown: inside the link, which is the command's result.
            await context.Output.WriteLineAsync(link.Url);
            return SafedropCli.Ok;
        });
        return command;
    }
}
