using Safedrop.Operator.Hosting;

namespace Safedrop.Operator.Verbs;

/// <summary><c>run</c>: the operator itself, in a cluster (in-cluster config) or against the current kubeconfig.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = OperatorHost.Build(args);
        await app.RunAsync();
        return 0;
    }
}
