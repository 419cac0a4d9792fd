using Microsoft.Extensions.Options;

namespace Safedrop.Api.Audit;

internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem ? ValidateOptionsResult.Fail($"{AuditOptions.SectionName}: {problem}") : ValidateOptionsResult.Success;
    }
}
