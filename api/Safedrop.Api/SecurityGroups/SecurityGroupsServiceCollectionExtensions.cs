using Safedrop.Api.Dropzones;

namespace Safedrop.Api.SecurityGroups;

public static class SecurityGroupsServiceCollectionExtensions
{
    /// <summary>Membership management and Dropzone edits by owners and DropzoneManagers (both written back); needs <c>AddResourceWriteBack</c>.</summary>
    public static IServiceCollection AddSecurityGroups(this IServiceCollection services)
    {
        services.AddSingleton<SecurityGroupMembership>();
        services.AddSingleton<DropzoneSettings>();
        return services;
    }
}
