using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Api;

/// <summary>
/// The PersonalWorkflow resources of the tenant as declared, in force or not, each with the status the operator (or
/// local mode's compiler) gave it. The compiled config holds only what runs, so an owner could neither see nor fix a
/// workflow that does not (LimitExceeded, PlanRestriction, MissingPermission, an invalid reference) without this.
/// Local mode reads the compiled folder (<see cref="Configuration.TenantState.DeclaredWorkflows"/>); a cluster reads
/// the custom resources through the Kubernetes API. Callers only read the objects given.
/// </summary>
public interface IDeclaredWorkflows
{
    /// <summary>Every PersonalWorkflow of the namespace; throws <see cref="Configuration.ResourcesUnavailableException"/> when they cannot be read.</summary>
    Task<IReadOnlyList<PersonalWorkflow>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One PersonalWorkflow by name, or null; throws <see cref="Configuration.ResourcesUnavailableException"/> when it cannot be read.</summary>
    Task<PersonalWorkflow?> FindAsync(string name, CancellationToken cancellationToken);
}
