using System.CommandLine;
using Safedrop.Benchmarks;

// Prints figures, never pass/fail: exit 0 unless something broke (or the tenant did not converge in time).
const int LatencySamples = 20;

var dropzones = new Option<int>("--dropzones") { Description = "Dropzones in the tenant (besides 1 Organization, 100 Security Groups, 100 Workspaces).", DefaultValueFactory = _ => 1000, Recursive = true };
dropzones.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1) result.AddError("--dropzones must be at least 1.");
});
var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for every resource to become Ready.", DefaultValueFactory = _ => 300, Recursive = true };

var root = new RootCommand("Safedrop benchmarks against the fake API server, or the real cluster SAFEDROP_TEST_KUBECONFIG names.");
root.Options.Add(dropzones);
root.Options.Add(timeout);
root.Subcommands.Add(Verb("operator", "Convergence time, API requests per resource, writes of a no-change pass, memory.", scale: true, latency: false));
root.Subcommands.Add(Verb("latency", "Apply -> enforced latency: a Dropzone patch until the API serves the new revision.", scale: false, latency: true));
root.Subcommands.Add(Verb("all", "operator, then latency on the same tenant.", scale: true, latency: true));
return await root.Parse(args).InvokeAsync();

Command Verb(string name, string description, bool scale, bool latency)
{
    var command = new Command(name, description);
    command.SetAction((result, cancellationToken) =>
        RunAsync(scale, latency, result.GetValue(dropzones), TimeSpan.FromSeconds(result.GetValue(timeout)), cancellationToken));
    return command;
}

static async Task<int> RunAsync(bool scale, bool latency, int dropzoneCount, TimeSpan limit, CancellationToken cancellationToken)
{
    await using var bench = await BenchCluster.StartAsync(cancellationToken);
    var load = TenantLoad.Build(bench.Namespace, dropzoneCount);
    if (!await OperatorBenchmark.ConvergeAsync(bench, load, limit, cancellationToken)) return 1;
    if (scale) await OperatorBenchmark.SecondPassAsync(bench, cancellationToken);
    if (latency) await LatencyBenchmark.RunAsync(bench, load, LatencySamples, cancellationToken);
    return 0;
}
