namespace Safedrop.Client.Cli;

/// <summary>What the tool reads and writes besides its arguments, so that tests can run it in-process.</summary>
public sealed class CliEnvironment
{
    public required TextWriter Output { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader Input { get; init; }

    /// <summary>Environment variables (SAFEDROP_CONFIG, SAFEDROP_API_KEY, SAFEDROP_SERVER).</summary>
    public required Func<string, string?> Variable { get; init; }

    /// <summary>The handler under the API's HttpClient; null for the default one. Storage URLs always use a plain client.</summary>
    public Func<Uri, HttpMessageHandler>? ApiHandler { get; init; }

    public SafedropClientOptions ClientOptions { get; init; } = new();

    public static CliEnvironment FromProcess() => new()
    {
        Output = Console.Out,
        Error = Console.Error,
        Input = Console.In,
        Variable = Environment.GetEnvironmentVariable,
    };

    /// <summary><c>$SAFEDROP_CONFIG</c>, else <c>~/.config/safedrop/session.json</c>.</summary>
    public string SessionPath
    {
        get
        {
            if (Variable("SAFEDROP_CONFIG") is { Length: > 0 } configured) return Path.GetFullPath(configured);
            var configHome = Variable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(configHome, "safedrop", "session.json");
        }
    }

    /// <summary>The device key's private half lives beside the session.</summary>
    public string DeviceKeyPath => Path.Combine(Path.GetDirectoryName(SessionPath)!, "device-key.pem");

    public string DeviceKeyInfoPath => Path.Combine(Path.GetDirectoryName(SessionPath)!, "device-key.json");
}
