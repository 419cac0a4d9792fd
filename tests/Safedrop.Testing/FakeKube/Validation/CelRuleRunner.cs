using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Cel;
using Safedrop.Testing.FakeKube.FieldManagement;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Validation;

/// <summary>
/// Runs every <c>x-kubernetes-validations</c> rule on the values its schema node describes. Transition
/// rules (<c>oldSelf</c>) run only where an old value correlates: same field, or same key in a map list.
/// </summary>
internal sealed class CelRuleRunner(CustomResourceSchema schema)
{
    private readonly List<StatusCause> causes = [];

    public IReadOnlyList<StatusCause> Run(JsonObject obj, JsonObject? old)
    {
        Walk(schema.OpenApi, obj, old is not null, old, "");
        return causes;
    }

    private void Walk(JsonObject node, JsonNode? value, bool hasOld, JsonNode? old, string path)
    {
        foreach (var rule in schema.RulesAt(node))
        {
            if (rule.Program.IsTransitionRule && !hasOld) continue;
            Check(rule, node, value, old, path);
        }

        switch (value)
        {
            case JsonObject obj:
                var oldObj = hasOld ? old as JsonObject : null;
                foreach (var (name, child) in obj)
                {
                    var childSchema = node["properties"]?[name] as JsonObject;
                    var childPath = childSchema is not null ? Join(path, name) : $"{path}[{name}]";
                    childSchema ??= node["additionalProperties"] as JsonObject;
                    if (childSchema is null) continue;
                    var had = oldObj?.ContainsKey(name) == true;
                    Walk(childSchema, child, had, had ? oldObj![name] : null, childPath);
                }

                break;
            case JsonArray list when node["items"] is JsonObject items:
                var listSchema = new OpenApiFieldSchema(node);
                var oldItems = hasOld && old is JsonArray oldList && listSchema.ListType == ListType.Map
                    ? ListItems.Keyed(listSchema, oldList).ToDictionary(i => i.Element, i => i.Item, StringComparer.Ordinal)
                    : null;
                for (var i = 0; i < list.Count; i++)
                {
                    JsonNode? oldItem = null;
                    var correlated = oldItems?.TryGetValue(ListItems.ElementOf(listSchema, list[i], i), out oldItem) == true;
                    Walk(items, list[i], correlated, oldItem, $"{path}[{i}]");
                }

                break;
        }
    }

    private void Check(CompiledRule rule, JsonObject node, JsonNode? value, JsonNode? old, string path)
    {
        var type = node["type"]?.GetValue<string>() ?? "object";
        var field = rule.FieldPath is null ? path : Join(path, rule.FieldPath.TrimStart('.'));
        try
        {
            if (rule.Program.Holds(value, old)) return;
            causes.Add(rule.Reason switch
            {
                "FieldValueForbidden" => new StatusCause("FieldValueForbidden", "Forbidden: " + rule.Message, field),
                "FieldValueRequired" => new StatusCause("FieldValueRequired", "Required value: " + rule.Message, field),
                "FieldValueDuplicate" => new StatusCause("FieldValueDuplicate", $"Duplicate value: \"{rule.Message}\"", field),
                _ => new StatusCause("FieldValueInvalid", $"Invalid value: \"{type}\": {rule.Message}", field),
            });
        }
        catch (CelException e)
        {
            causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: \"{type}\": {e.Message} evaluating rule: {rule.Program.Source}", field));
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
