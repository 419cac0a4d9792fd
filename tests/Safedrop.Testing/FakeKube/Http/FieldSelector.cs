using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>A <c>fieldSelector</c> on <c>metadata.name</c> and <c>metadata.namespace</c> (=, ==, !=), which every kind supports.</summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, string Value, bool Equal)> terms = [];

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text)) return selector;
        foreach (var term in text.Split(','))
        {
            var ne = term.IndexOf("!=", StringComparison.Ordinal);
            var (field, value, equal) = ne > 0
                ? (term[..ne], term[(ne + 2)..], false)
                : term.Split('=', 2) is [var f, var v] ? (f, v.TrimStart('='), true) : throw Bad(term);
            if (field.Trim() is not ("metadata.name" or "metadata.namespace")) throw Bad(term);
            selector.terms.Add((field.Trim(), value.Trim(), equal));
        }

        return selector;
    }

    public bool Matches(JsonObject obj) => terms.All(t =>
        (t.Field == "metadata.name" ? obj.Name() : obj.MetaString("namespace") ?? "") == t.Value == t.Equal);

    private static KubeApiException Bad(string term) =>
        new(StatusBodies.BadRequest($"\"{term}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""));
}
