using Microsoft.Extensions.Options;

namespace Safedrop.Api.Workflows;

/// <summary>The checks across <see cref="WorkflowEngineOptions"/>' settings; each setting's own range is an attribute.</summary>
internal sealed class WorkflowEngineOptionsValidator : IValidateOptions<WorkflowEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem
            ? ValidateOptionsResult.Fail($"{WorkflowEngineOptions.SectionName}: {problem}")
            : ValidateOptionsResult.Success;
    }
}
