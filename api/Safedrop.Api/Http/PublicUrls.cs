namespace Safedrop.Api.Http;

/// <summary>
/// The address people reach the portal at, for links in e-mails and signed transfer URLs:
/// <c>Safedrop:PublicUrl</c> when set (a cluster behind an ingress), else the current request's own origin.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor accessor)
{
    public const string SettingName = "Safedrop:PublicUrl";

    public Uri Base
    {
        get
        {
            if (configuration[SettingName] is { Length: > 0 } configured) return new Uri(configured.TrimEnd('/') + "/");
            var request = accessor.HttpContext?.Request
                ?? throw new InvalidOperationException($"{SettingName} is not set and there is no request to take the address from.");
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
    }

    public Uri For(string relativePath) => new(Base, relativePath.TrimStart('/'));
}
