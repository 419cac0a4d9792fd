using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safedrop.Api.Configuration;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Health;

/// <summary>Ready when a valid Organization is in force for the served namespace; otherwise says why not.</summary>
public sealed class TenantConfigHealthCheck(TenantConfigStore store) : IHealthCheck
{
    public const string Name = "tenant-config";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(store.Current));

    public static HealthCheckResult Check(TenantState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsServing)
            return HealthCheckResult.Healthy($"Serving namespace {state.Namespace}, configuration revision {state.Config!.Revision}.");

        if (state.Namespace is null)
            return HealthCheckResult.Unhealthy("No configuration has been loaded yet.");

        if (state.Compilation is null)
        {
            return HealthCheckResult.Unhealthy(state.Problems.Count == 0
                ? $"No valid configuration has been loaded for namespace {state.Namespace} yet."
                : $"No valid configuration has been loaded for namespace {state.Namespace}: {state.Problems.Count} problem(s), first {state.Problems[0]}.");
        }

        var organization = state.Compilation.Verdicts.FirstOrDefault(v => v.Kind == Organization.KindName);
        return HealthCheckResult.Unhealthy(organization is null
            ? $"Namespace {state.Namespace} has no Organization in force."
            : $"The Organization {organization.Name} in namespace {state.Namespace} has never been valid: {ReasonOf(organization)}.");
    }

    private static string ReasonOf(ResourceVerdict verdict) => $"{verdict.Reason}: {verdict.Message}";
}
