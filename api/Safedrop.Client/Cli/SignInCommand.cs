using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary><c>safedrop sign-in --server URL --email ADDR [--pin PIN]</c>: e-mails a PIN (unless given) and stores the session.</summary>
internal static class SignInCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var email = new Option<string>("--email") { Description = "Your e-mail address.", Required = true };
        var pin = new Option<string>("--pin") { Description = "The PIN from the e-mail; asked for on stdin when missing (it then requests a new PIN first)." };
        var command = new Command("sign-in", "Sign in by e-mailed PIN and keep the session for the other verbs.") { email, pin };
        SafedropCli.SetHandler(command, environment, async (context, cancellationToken) =>
        {
            var address = context.Parse.GetRequiredValue(email);
            using var client = context.Connect(requireCredential: false);
            var code = context.Parse.GetValue(pin);
            if (string.IsNullOrWhiteSpace(code))
            {
                var lifetime = await client.RequestPinAsync(address, cancellationToken);
                // Prompts go to stderr so stdout stays clean for scripts.
                await context.Error.WriteAsync($"A PIN was sent to {address} (valid {lifetime.TotalMinutes:0} min). PIN: ");
                await context.Error.FlushAsync(cancellationToken);
                code = (await context.Environment.Input.ReadLineAsync(cancellationToken))?.Trim();
                if (string.IsNullOrEmpty(code)) throw new UsageException("No PIN entered.");
            }

            var session = await client.SignInAsync(address, code, cancellationToken);
            new StoredSession(client.BaseAddress, session.Email, session.Token, session.ExpiresAt).Write(context.Environment.SessionPath);
            await context.Output.WriteLineAsync($"Signed in as {session.Email} until {session.ExpiresAt:u}.");
            return SafedropCli.Ok;
        });
        return command;
    }
}
