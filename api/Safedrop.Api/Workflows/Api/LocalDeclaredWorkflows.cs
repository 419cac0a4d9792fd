using Safedrop.Api.Configuration;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Api;

/// <summary>Local mode's declared workflows: those of the folder's last compilation, with the verdicts it gave them.</summary>
public sealed class LocalDeclaredWorkflows(TenantConfigStore store) : IDeclaredWorkflows
{
    public Task<IReadOnlyList<PersonalWorkflow>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PersonalWorkflow>>([.. store.Current.DeclaredWorkflows.Values]);

    public Task<PersonalWorkflow?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(store.Current.DeclaredWorkflows.GetValueOrDefault(name));
}
