using Microsoft.Extensions.Options;

namespace Safedrop.Api.Configuration;

public sealed class SafedropOptionsValidator : IValidateOptions<SafedropOptions>
{
    public ValidateOptionsResult Validate(string? name, SafedropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Refused rather than half-served: without its config source the API could only answer 503 forever.
        return options.Mode == SafedropMode.Cluster
            ? ValidateOptionsResult.Fail(
                "Cluster mode (reading the operator's compiled snapshot) is not available yet. " +
                "Start in local mode: --local <folder of tenant YAML>.")
            : ValidateOptionsResult.Success;
    }
}
