using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Identity.Impersonation;

namespace Safedrop.Api.Workflows.Api;

public static class WorkflowApiServiceCollectionExtensions
{
    /// <summary>
    /// The Personal Workflow endpoints' services and the guard that keeps admin impersonation to them; needs
    /// <c>AddResourceWriteBack</c> (and, in a cluster, the <c>IKubernetes</c> client the configuration registers). Run history comes from the <see cref="IWorkflowRuns"/> the engine registers.
    /// </summary>
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services)
    {
        services.AddSingleton<PersonalWorkflowReader>();
        services.AddSingleton<PersonalWorkflowEditor>();
        // The declared workflows of the mode: local mode's compiled folder, or the custom resources through the Kubernetes API.
        services.AddSingleton<LocalDeclaredWorkflows>();
        services.AddSingleton<KubernetesDeclaredWorkflows>();
        services.AddSingleton<IDeclaredWorkflows>(sp => sp.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode == SafedropMode.Local
            ? sp.GetRequiredService<LocalDeclaredWorkflows>()
            : sp.GetRequiredService<KubernetesDeclaredWorkflows>());
        services.AddTransient<IStartupFilter, ImpersonationGuard>();
        return services;
    }
}
