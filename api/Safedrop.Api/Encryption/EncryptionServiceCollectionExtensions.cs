using Microsoft.Extensions.Options;

namespace Safedrop.Api.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    /// <summary>The key-encryption key, wrapping of the keys the API keeps and server-readable objects.</summary>
    public static IServiceCollection AddKeyEncryption(this IServiceCollection services)
    {
        services.AddOptions<KeyEncryptionOptions>().BindConfiguration(KeyEncryptionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyEncryptionOptions>, KeyEncryptionOptionsValidator>();
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddSingleton<IKeyWrapper, KekKeyWrapper>();
        services.AddSingleton<SealedObjects>();
        return services;
    }

    /// <summary>Rewrapping every kept key under a new key-encryption key; needs packages and the audit log.</summary>
    public static IServiceCollection AddKeyRotation(this IServiceCollection services)
    {
        services.AddSingleton<KeyRotation>();
        services.AddHostedService<KeyRotationOnStart>();
        return services;
    }
}
