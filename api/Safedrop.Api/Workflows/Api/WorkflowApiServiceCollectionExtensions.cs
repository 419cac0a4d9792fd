using Safedrop.Api.Identity.Impersonation;

namespace Safedrop.Api.Workflows.Api;

public static class WorkflowApiServiceCollectionExtensions
{
    /// <summary>
    /// The Personal Workflow endpoints' services and the guard that keeps admin impersonation to them; needs
    /// <c>AddResourceWriteBack</c>. Run history comes from the <see cref="IWorkflowRuns"/> the engine registers.
    /// </summary>
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services)
    {
        services.AddSingleton<PersonalWorkflowEditor>();
        services.AddTransient<IStartupFilter, ImpersonationGuard>();
        return services;
    }
}
