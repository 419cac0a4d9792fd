using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Safedrop.Api.Transfer;

public static class TransferServiceCollectionExtensions
{
    /// <summary>Grants for streaming transfer URLs and <see cref="ITransferUrls"/>; needs <c>AddObjectStorage()</c> and <c>AddKeyEncryption()</c>.</summary>
    public static IServiceCollection AddTransfer(this IServiceCollection services)
    {
        services.AddOptions<TransferOptions>().BindConfiguration(TransferOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransferOptions>, TransferOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<TransferSigningKey>();
        services.AddSingleton<TransferGrants>();
        services.AddSingleton<ITransferUrls, TransferUrls>();
        return services;
    }
}
