using Microsoft.Extensions.Options;

namespace Safedrop.Api.Configuration;

// Reads the mode from configuration rather than IOptions<SafedropOptions>, whose own validation failure would be reported twice.
public sealed class LocalModeOptionsValidator(IConfiguration configuration) : IValidateOptions<LocalModeOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mode = configuration.GetSection(SafedropOptions.SectionName).Get<SafedropOptions>()?.Mode ?? SafedropMode.Cluster;
        if (mode != SafedropMode.Local) return ValidateOptionsResult.Skip;

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Folder))
            failures.Add("Safedrop:Local:Folder is required in local mode: --local <folder>.");
        else if (!Directory.Exists(options.Folder))
            failures.Add($"Safedrop:Local:Folder '{options.Folder}' does not exist.");

        if (options.Namespace is { } ns && !IsDnsLabel(ns))
            failures.Add($"Safedrop:Local:Namespace '{ns}' is not a namespace name (lower-case letters, digits and '-', at most 63).");
        if (string.IsNullOrWhiteSpace(options.DataFolder))
            failures.Add("Safedrop:Local:DataFolder must not be empty.");
        if (options.ReloadDebounce < TimeSpan.Zero || options.ReloadDebounce > TimeSpan.FromSeconds(1))
            failures.Add("Safedrop:Local:ReloadDebounce must be between 0 and 1 second, so a change is in force within a second.");
        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromSeconds(1))
            failures.Add("Safedrop:Local:PollInterval must be between 100 ms and 1 second.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 63
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}
