using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary><c>safedrop sign-out</c>: revokes the session on the server and removes the session file.</summary>
internal static class SignOutCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("sign-out", "End the stored session.");
        SafedropCli.SetHandler(command, environment, async (context, cancellationToken) =>
        {
            var path = context.Environment.SessionPath;
            if (context.Session is not { } session)
            {
                await context.Output.WriteLineAsync("Not signed in.");
                return SafedropCli.Ok;
            }

            try
            {
                using var client = context.Connect(session.Server, requireCredential: false);
                client.UseSessionToken(session.Token);
                await client.SignOutAsync(cancellationToken);
            }
            finally
            {
                // Forget the token locally even when the server could not be told (it expires there on its own).
                File.Delete(path);
            }

            await context.Output.WriteLineAsync($"Signed out {session.Email}.");
            return SafedropCli.Ok;
        });
        return command;
    }
}
