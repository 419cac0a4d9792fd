using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Safedrop.Testing;

/// <summary>
/// An S3 endpoint for one test run. By default a private s3rver (npm, installed in tests/tools) on a free
/// port of 127.0.0.1 with a temporary directory, killed and deleted on dispose. When
/// <c>SAFEDROP_TEST_S3_ENDPOINT</c> is set (with <c>SAFEDROP_TEST_S3_ACCESS_KEY</c> and
/// <c>SAFEDROP_TEST_S3_SECRET_KEY</c>) the tests use that real endpoint instead, e.g. a MinIO server.
/// Register it with <c>[assembly: AssemblyFixture(typeof(S3Server))]</c>. Without node or s3rver a test that
/// reads <see cref="Endpoint"/> is skipped, or fails under <c>CI=true</c>.
/// </summary>
public sealed partial class S3Server : IAsyncLifetime
{
    public const string EndpointVariable = "SAFEDROP_TEST_S3_ENDPOINT";
    public const string AccessKeyVariable = "SAFEDROP_TEST_S3_ACCESS_KEY";
    public const string SecretKeyVariable = "SAFEDROP_TEST_S3_SECRET_KEY";

    /// <summary>s3rver accepts this fixed key pair.</summary>
    public const string S3rverKey = "S3RVER";

    private static readonly RequiredTool Node = new("node", "apt-get install -y nodejs");
    private static readonly RequiredTool S3rver = new("s3rver (npm)", "npm ci --prefix tests/tools");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ServerProcess? process;
    private string? dataDirectory;
    private RequiredTool? missing;
    private Exception? startFailure;
    private Uri? endpoint;
    private string accessKey = S3rverKey;
    private string secretKey = S3rverKey;

    /// <summary>Base address, e.g. http://127.0.0.1:40123.</summary>
    public Uri Endpoint
    {
        get
        {
            EnsureRunning();
            return endpoint!;
        }
    }

    public string AccessKey
    {
        get
        {
            EnsureRunning();
            return accessKey;
        }
    }

    public string SecretKey
    {
        get
        {
            EnsureRunning();
            return secretKey;
        }
    }

    /// <summary>True when the tests run against <c>SAFEDROP_TEST_S3_ENDPOINT</c> rather than s3rver.</summary>
    public bool IsExternal { get; private set; }

    public static string ToolsDirectory => Path.Combine(RepositoryPaths.Root, "tests", "tools");

    public static string S3rverModuleDirectory => Path.Combine(ToolsDirectory, "node_modules", "s3rver");

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            UseExternal(external);
            return;
        }

        var node = RequiredTool.FindOnPath("node");
        var script = Path.Combine(S3rverModuleDirectory, "bin", "s3rver.js");
        if (node is null)
        {
            missing = Node;
            return;
        }

        if (!File.Exists(script))
        {
            missing = S3rver;
            return;
        }

        try
        {
            await StartAsync(node, script);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or SocketException)
        {
            // Kept for the tests that use the server, so the others in the assembly still run.
            startFailure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null) await process.DisposeAsync();
        if (dataDirectory is not null && Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
    }

    private void UseExternal(string address)
    {
        IsExternal = true;
        var key = Environment.GetEnvironmentVariable(AccessKeyVariable);
        var secret = Environment.GetEnvironmentVariable(SecretKeyVariable);
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            startFailure = new InvalidOperationException(
                $"{EndpointVariable} is set, so {AccessKeyVariable} and {SecretKeyVariable} must be set too.");
            return;
        }

        var withScheme = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        endpoint = new Uri(withScheme, UriKind.Absolute);
        accessKey = key;
        secretKey = secret;
    }

    private async Task StartAsync(string node, string script)
    {
        S3rverNamespaceFix.Apply(S3rverModuleDirectory);
        dataDirectory = Directory.CreateTempSubdirectory("safedrop-s3rver-").FullName;

        // Port 0: s3rver binds a port the kernel picks and prints it, so no other process can take it first.
        var started = ServerProcess.Start(node,
            [script, "--address", "127.0.0.1", "--port", "0", "--directory", dataDirectory, "--silent"],
            ToolsDirectory);
        try
        {
            var line = await started.WaitForLineAsync(
                line => ListeningLine().IsMatch(line), StartTimeout, "the address it listens on");
            var port = int.Parse(ListeningLine().Match(line).Groups["port"].Value, CultureInfo.InvariantCulture);
            var address = new Uri($"http://127.0.0.1:{port}");
            await EnsureAnswersAsync(address);
            process = started;
            endpoint = address;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    private static async Task EnsureAnswersAsync(Uri address)
    {
        // Any HTTP answer (an unsigned request is refused) shows the S3 router is serving.
        using var http = new HttpClient { Timeout = StartTimeout };
        using var response = await http.GetAsync(address);
    }

    private void EnsureRunning()
    {
        missing?.ReportMissing();
        if (startFailure is not null) throw new InvalidOperationException("The S3 test server is not available: " + startFailure.Message, startFailure);
        if (endpoint is null) throw new InvalidOperationException("S3Server is not initialized; register it as an xunit assembly or class fixture.");
    }

    [GeneratedRegex(@"S3rver listening on 127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
