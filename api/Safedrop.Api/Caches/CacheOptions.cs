using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Caches;

/// <summary>
/// Sections <c>Safedrop:PinCache</c> and <c>Safedrop:SessionCache</c> (named options <see cref="CacheNames.Pin"/>
/// and <see cref="CacheNames.Session"/>): the Redis each cache uses in cluster mode. The operator sets them from Secrets.
/// Local mode keeps a cache in memory unless its connection string is set.
/// </summary>
public sealed class CacheOptions
{
    public static string SectionOf(string cacheName) => cacheName switch
    {
        CacheNames.Pin => "Safedrop:PinCache",
        CacheNames.Session => "Safedrop:SessionCache",
        _ => throw new ArgumentOutOfRangeException(nameof(cacheName), cacheName, "Unknown cache."),
    };

    /// <summary>A StackExchange.Redis configuration string, for example <c>redis-pin:6379,password=...</c>.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class CacheOptionsValidator(IConfiguration configuration) : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not (CacheNames.Pin or CacheNames.Session)) return ValidateOptionsResult.Skip;
        var mode = configuration.GetSection(SafedropOptions.SectionName).Get<SafedropOptions>()?.Mode ?? SafedropMode.Cluster;
        if (mode != SafedropMode.Cluster) return ValidateOptionsResult.Skip;

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail($"{CacheOptions.SectionOf(name)}:ConnectionString is required in cluster mode (the operator sets it from the cache's Secret).")
            : ValidateOptionsResult.Success;
    }
}
