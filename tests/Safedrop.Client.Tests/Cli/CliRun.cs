using Safedrop.Client.Cli;

namespace Safedrop.Client.Tests.Cli;

/// <summary>Runs the tool in-process with captured output, a private config folder and no real environment.</summary>
internal sealed class CliRun : IDisposable
{
    private readonly Dictionary<string, string?> variables = [];

    public CliRun(Func<Uri, HttpMessageHandler>? apiHandler = null)
    {
        ConfigFolder = Directory.CreateTempSubdirectory("safedrop-cli").FullName;
        variables["SAFEDROP_CONFIG"] = Path.Combine(ConfigFolder, "session.json");
        ApiHandler = apiHandler;
    }

    public string ConfigFolder { get; }

    public string SessionPath => variables["SAFEDROP_CONFIG"]!;

    public Func<Uri, HttpMessageHandler>? ApiHandler { get; }

    /// <summary>Answers a prompt on stdin; called when the tool reads a line.</summary>
    public Func<string>? Input { get; set; }

    public void Set(string name, string? value) => variables[name] = value;

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new PromptReader(Input);
        var environment = new CliEnvironment
        {
            Output = output,
            Error = error,
            Input = input,
            Variable = name => variables.GetValueOrDefault(name),
            ApiHandler = ApiHandler,
        };
        var code = await SafedropCli.InvokeAsync(args, environment, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(ConfigFolder, recursive: true);

    private sealed class PromptReader(Func<string>? answer) : StringReader("")
    {
        public override string? ReadLine() => answer?.Invoke();

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(answer?.Invoke());
    }
}
