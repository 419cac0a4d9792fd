using Microsoft.Extensions.Options;

namespace Safedrop.Api.Configuration;

public static class SettingsValidation
{
    /// <summary>
    /// Runs every start-up validation of the options now, before hosted services resolve the adapters
    /// that read them: a misconfigured start then names every missing setting at once (and how to run
    /// locally), instead of the first adapter's complaint.
    /// </summary>
    public static WebApplication ValidateSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }
}
