using System.Text.Json.Nodes;
using Safedrop.Resources.Schema;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Validation;

/// <summary>
/// Validates a custom resource as the API server does: the structural schema first (with the product's
/// <see cref="SchemaValidator"/>), then, only if that passed, the CEL rules (kube-wire 06 and 10).
/// </summary>
internal static class CustomResourceValidator
{
    private const string RulesNotChecked =
        "Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    public static IReadOnlyList<StatusCause> Validate(CustomResourceSchema schema, JsonObject obj, JsonObject? old)
    {
        // Unknown fields were pruned already; the API server drops them rather than refusing them.
        // Reported in field order, as kube-apiserver lists them (kube-wire 06).
        var violations = SchemaValidator.Validate(obj, schema.Props)
            .Where(v => v.Reason != "UnknownField")
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .ToList();
        if (violations.Count > 0)
        {
            var causes = violations.Select(v => new StatusCause(v.Reason, v.Message, v.Path)).ToList();
            if (schema.HasRules) causes.Add(new StatusCause("FieldValueInvalid", RulesNotChecked, "<nil>"));
            return causes;
        }

        return new CelRuleRunner(schema).Run(obj, old);
    }
}
