using Microsoft.Extensions.Options;

namespace Safedrop.Api.Configuration;

public sealed class SafedropOptionsValidator : IValidateOptions<SafedropOptions>
{
    public ValidateOptionsResult Validate(string? name, SafedropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enum.IsDefined(options.Mode)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Safedrop:Mode must be Cluster or Local, not '{options.Mode}'.");
    }
}
