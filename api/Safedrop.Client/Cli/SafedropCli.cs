using System.CommandLine;
using System.Security.Cryptography;

namespace Safedrop.Client.Cli;

/// <summary>
/// The verbs and their exit codes: 0 done, 1 refused by the API (printed as <c>type: detail</c>) or failed on the
/// way (network, integrity), 2 usage (bad arguments, not signed in).
/// </summary>
public static class SafedropCli
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand("Safedrop: end-to-end encrypted file exchange.");
        root.Options.Add(CommonOptions.Server);
        root.Options.Add(CommonOptions.ApiKey);
        root.Subcommands.Add(SignInCommand.Create(environment));
        root.Subcommands.Add(SignOutCommand.Create(environment));
        root.Subcommands.Add(SendCommand.Create(environment));
        root.Subcommands.Add(UploadCommand.Create(environment));
        root.Subcommands.Add(DownloadCommand.Create(environment));
        root.Subcommands.Add(ListCommand.Create(environment));
        root.Subcommands.Add(DeviceKeyCommand.Create(environment));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parse = Build(environment).Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await environment.Error.WriteLineAsync(error.Message);
            await environment.Error.WriteLineAsync("Run 'safedrop --help' for usage.");
            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException e)
        {
            await environment.Error.WriteLineAsync(e.Message);
            return Usage;
        }
        catch (SafedropApiException e)
        {
            await environment.Error.WriteLineAsync($"{e.Type}: {e.Detail ?? e.Title}");
            return Refused;
        }
        catch (Exception e) when (e is PackageIntegrityException or HttpRequestException or IOException or CryptographicException or UnauthorizedAccessException)
        {
            await environment.Error.WriteLineAsync("error: " + e.Message);
            return Refused;
        }
    }

    /// <summary>Wires a verb's body with a fresh context that is disposed afterwards.</summary>
    internal static void SetHandler(Command command, CliEnvironment environment, Func<CliContext, CancellationToken, Task<int>> handler) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var context = new CliContext(environment, parse);
            return await handler(context, cancellationToken);
        });
}
