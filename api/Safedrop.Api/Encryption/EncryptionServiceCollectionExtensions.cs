namespace Safedrop.Api.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    /// <summary>The key-encryption key, wrapping of the keys the API keeps, server-readable objects and rotation.</summary>
    public static IServiceCollection AddKeyEncryption(this IServiceCollection services)
    {
        services.AddOptions<KeyEncryptionOptions>().BindConfiguration(KeyEncryptionOptions.SectionName);
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddSingleton<IKeyWrapper, KekKeyWrapper>();
        services.AddSingleton<SealedObjects>();
        services.AddSingleton<KeyRotation>();
        services.AddHostedService<KeyRotationOnStart>();
        return services;
    }
}
