using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Safedrop.Testing.FakeKube.Cel;
using Safedrop.Testing.FakeKube.FieldManagement;

namespace Safedrop.Testing.FakeKube.Validation;

/// <summary>One served version's openAPIV3Schema with its CEL rules compiled, found by schema node.</summary>
internal sealed class CustomResourceSchema
{
    private readonly Dictionary<JsonObject, IReadOnlyList<CompiledRule>> rules = new(ReferenceEqualityComparer.Instance);
    private readonly Lazy<V1JSONSchemaProps> props;

    public CustomResourceSchema(JsonObject openApi)
    {
        OpenApi = openApi;
        props = new Lazy<V1JSONSchemaProps>(() => KubernetesJson.Deserialize<V1JSONSchemaProps>(openApi.ToJsonString()));
        Fields = OpenApiFieldSchema.Root(openApi);
        Compile(openApi, "");
    }

    public JsonObject OpenApi { get; }

    /// <summary>The typed schema the product's <see cref="Safedrop.Resources.Schema.SchemaValidator"/> reads.</summary>
    public V1JSONSchemaProps Props => props.Value;

    public FieldSchema Fields { get; }

    /// <summary>Rules that did not compile, by schema path: the CRD is refused with these.</summary>
    public List<(string Path, string Message)> CompileErrors { get; } = [];

    public bool HasRules => rules.Count > 0;

    public IReadOnlyList<CompiledRule> RulesAt(JsonObject schemaNode) => rules.GetValueOrDefault(schemaNode) ?? [];

    private void Compile(JsonObject node, string path)
    {
        if (node["x-kubernetes-validations"] is JsonArray list)
        {
            var compiled = new List<CompiledRule>();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject entry) continue;
                var rule = entry["rule"]?.GetValue<string>() ?? "";
                try
                {
                    compiled.Add(new CompiledRule(
                        CelProgram.Compile(rule),
                        entry["message"]?.GetValue<string>() ?? "failed rule: " + rule,
                        entry["fieldPath"]?.GetValue<string>(),
                        entry["reason"]?.GetValue<string>()));
                }
                catch (CelException e)
                {
                    CompileErrors.Add(($"{path}x-kubernetes-validations[{i}].rule", e.Message));
                }
            }

            rules[node] = compiled;
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject schema) Compile(schema, $"{path}properties[{name}].");
            }
        }

        if (node["items"] is JsonObject items) Compile(items, path + "items.");
        if (node["additionalProperties"] is JsonObject additional) Compile(additional, path + "additionalProperties.");
    }
}
