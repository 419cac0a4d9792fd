using System.CommandLine;
using Safedrop.Benchmarks;

// Prints figures, never pass/fail: exit 0 unless something broke (or the tenant did not converge in time).
// operator/latency/all run against a Kubernetes API; transfer/memory need s3rver (npm, tests/tools), pin and workflows --redis need redis-server.
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
root.Subcommands.Add(TransferVerb());
root.Subcommands.Add(MemoryVerb());
root.Subcommands.Add(PinVerb());
root.Subcommands.Add(WorkflowsVerb());
return await root.Parse(args).InvokeAsync();

static Command TransferVerb()
{
    var size = new Option<int>("--size-mib") { Description = "Size of the file moved each way, in MiB.", DefaultValueFactory = _ => 1024 };
    size.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < 1) result.AddError("--size-mib must be at least 1.");
    });
    var command = new Command("transfer", "Encrypted upload/download throughput, direct and streaming, as ratios to plain S3 PUT/GET on the same s3rver.") { size };
    command.SetAction(async (result, cancellationToken) =>
    {
        await TransferBenchmark.RunAsync(result.GetValue(size), cancellationToken);
        return 0;
    });
    return command;
}

static Command MemoryVerb()
{
    var sizes = new Option<int[]>("--sizes-mib") { Description = "File sizes in MiB, one fresh API each.", DefaultValueFactory = _ => [100, 1024], AllowMultipleArgumentsPerToken = true };
    sizes.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int[]>() is not { Length: > 0 } values || values.Any(v => v < 1)) result.AddError("--sizes-mib takes sizes of at least 1.");
    });
    var command = new Command("memory", "The API's peak memory on the streaming path, per file size (target: no growth).") { sizes };
    command.SetAction(async (result, cancellationToken) =>
    {
        await MemoryBenchmark.RunAsync(result.GetValue(sizes)!, cancellationToken);
        return 0;
    });
    return command;
}

static Command PinVerb()
{
    var clients = new Option<int[]>("--clients") { Description = "Concurrent clients, one measurement each.", DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
    clients.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int[]>() is not { Length: > 0 } values || values.Any(v => v < 1)) result.AddError("--clients takes counts of at least 1.");
    });
    var seconds = new Option<int>("--seconds") { Description = "Seconds per measurement.", DefaultValueFactory = _ => 10 };
    seconds.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < 1) result.AddError("--seconds must be at least 1.");
    });
    var command = new Command("pin", "PIN request + verify round trips per second against real Redis, for N concurrent clients.") { clients, seconds };
    command.SetAction(async (result, cancellationToken) =>
    {
        await PinBenchmark.RunAsync(result.GetValue(clients)!, TimeSpan.FromSeconds(result.GetValue(seconds)), cancellationToken);
        return 0;
    });
    return command;
}

static Command WorkflowsVerb()
{
    var users = new Option<int>("--users") { Description = "Users, each with 1 Dropzone and 5 Personal Workflows.", DefaultValueFactory = _ => 200 };
    var events = new Option<int>("--events") { Description = "Events (Dropzone uploads) timed.", DefaultValueFactory = _ => 10_000 };
    var senders = new Option<int>("--senders") { Description = "Concurrent senders uploading.", DefaultValueFactory = _ => 16 };
    var drain = new Option<int>("--drain-seconds") { Description = "Seconds to wait for the last deliveries after the last upload.", DefaultValueFactory = _ => 300 };
    foreach (var option in new[] { users, events, senders, drain })
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"{option.Name} must be at least 1.");
        });
    }
    var redis = new Option<bool>("--redis") { Description = "The event stream on Redis Streams (a private redis-server, as in a cluster) instead of in memory." };
    var rate = new Option<double>("--rate") { Description = "Events per second the senders keep to (below saturation), each upload started at its due time; --senders bounds the uploads in flight. 0: as fast as they can." };
    rate.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<double>() < 0) result.AddError("--rate must be 0 or more.");
    });
    var command = new Command("workflows", "Events/s through the Personal Workflow engine and delay from event to webhook delivered, against a local receiver.") { users, events, senders, redis, rate, drain };
    command.SetAction(async (result, cancellationToken) =>
    {
        var perSecond = result.GetValue(rate);
        await WorkflowBenchmark.RunAsync(result.GetValue(users), result.GetValue(events), result.GetValue(senders), result.GetValue(redis),
            perSecond > 0 ? perSecond : null, TimeSpan.FromSeconds(result.GetValue(drain)), cancellationToken);
        return 0;
    });
    return command;
}

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
