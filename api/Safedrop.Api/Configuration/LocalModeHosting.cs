namespace Safedrop.Api.Configuration;

public static class LocalModeHosting
{
    /// <summary>In local mode, listens on <see cref="LocalModeOptions.DefaultUrl"/> unless an address was given.</summary>
    public static WebApplicationBuilder UseLocalModeDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var mode = config[$"{SafedropOptions.SectionName}:{nameof(SafedropOptions.Mode)}"];
        if (!string.Equals(mode, nameof(SafedropMode.Local), StringComparison.OrdinalIgnoreCase)) return builder;

        var addressGiven = !string.IsNullOrEmpty(config["urls"])
            || !string.IsNullOrEmpty(config["http_ports"])
            || !string.IsNullOrEmpty(config["https_ports"])
            || config.GetSection("Kestrel:Endpoints").Exists();
        if (addressGiven) return builder;

        builder.WebHost.UseUrls(LocalModeOptions.DefaultUrl);
        return builder;
    }
}
