using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Safedrop.Resources.Manifests;

/// <summary>
/// Builds the JSON form of one YAML document from parser events, recording each value's line by path.
/// Handles anchors, aliases and merge keys (<c>&lt;&lt;</c>) as Kubernetes' YAML reader does, and reports
/// what JSON cannot hold: duplicate keys, non-string keys, unknown tags, infinities.
/// </summary>
internal sealed class DocumentBuilder(string path, IParser parser, int firstLine)
{
    // A Kubernetes object is a few thousand values at most; more means an alias expanding on itself.
    private const int MaxValues = 1_000_000;
    private const int MaxDepth = 100;

    private readonly NodeLines lines = new(firstLine);
    private readonly List<ManifestProblem> problems = [];
    private readonly Dictionary<string, (JsonNode? Node, int Size)> anchors = new(StringComparer.Ordinal);
    private readonly Stack<(string Kind, char Closer, int Line)> openFlowCollections = new();
    private int values;

    public (string Kind, char Closer, int Line)? InnermostFlowCollection =>
        openFlowCollections.Count > 0 ? openFlowCollections.Peek() : null;

    public YamlDocument Build()
    {
        var root = Read(FieldPath.Root, 0);
        return new YamlDocument(path, root, lines, firstLine, problems);
    }

    private JsonNode? Read(FieldPath at, int depth)
    {
        var line = (int)parser.Current!.Start.Line;
        lines.Record(at, line);
        if (depth > MaxDepth) throw new YamlException(parser.Current.Start, parser.Current.End, $"values are nested more than {MaxDepth} levels deep");

        if (parser.TryConsume<AnchorAlias>(out var alias)) return Dereference(alias);
        if (parser.TryConsume<Scalar>(out var scalar)) return Remember(scalar.Anchor, ReadScalar(scalar, at), 1);
        if (parser.TryConsume<SequenceStart>(out var sequence)) return ReadSequence(sequence, at, depth);
        var mapping = parser.Consume<MappingStart>();
        return ReadMapping(mapping, at, depth);
    }

    private JsonNode? ReadScalar(Scalar scalar, FieldPath at)
    {
        Count(1, scalar);
        var result = CoreSchemaScalars.Convert(scalar);
        if (result.Error is not null) Report((int)scalar.Start.Line, result.Error);
        if (result.IsImplicit) lines.RecordImplicitScalar(at, scalar.Value);
        return result.Value;
    }

    private JsonArray ReadSequence(SequenceStart start, FieldPath at, int depth)
    {
        var before = values;
        Count(1, start);
        if (start.Style == SequenceStyle.Flow) openFlowCollections.Push(("list", ']', (int)start.Start.Line));
        var array = new JsonArray();
        while (!parser.TryConsume<SequenceEnd>(out _))
            array.Add(Read(at.Item(array.Count), depth + 1));
        if (start.Style == SequenceStyle.Flow) openFlowCollections.Pop();
        return (JsonArray)Remember(start.Anchor, array, values - before)!;
    }

    private JsonObject ReadMapping(MappingStart start, FieldPath at, int depth)
    {
        var before = values;
        Count(1, start);
        if (start.Style == MappingStyle.Flow) openFlowCollections.Push(("mapping", '}', (int)start.Start.Line));
        var mapping = new JsonObject();
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var merged = new List<(JsonObject Source, int Line)>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var key))
            {
                Report((int)parser.Current!.Start.Line, "mapping keys must be plain text");
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var keyLine = (int)key.Start.Line;
            if (key.Value == "<<" && key.Style == ScalarStyle.Plain && key.Tag.IsEmpty)
            {
                merged.AddRange(ReadMergeSources(at, depth).Select(source => (source, keyLine)));
                continue;
            }

            if (keyLines.TryGetValue(key.Value, out var firstLine))
            {
                Report(keyLine, $"duplicate key {key.Value} (first at line {firstLine})");
                parser.SkipThisAndNestedEvents();
                continue;
            }

            keyLines[key.Value] = keyLine;
            var child = at.Child(key.Value);
            lines.Record(child, keyLine);
            mapping[key.Value] = Read(child, depth + 1);
        }

        // Merge keys: keys written in the mapping win, then earlier merge sources over later ones.
        foreach (var (source, line) in merged)
        {
            foreach (var (name, value) in source)
            {
                if (mapping.ContainsKey(name)) continue;
                lines.Record(at.Child(name), line);
                mapping[name] = value?.DeepClone();
            }
        }

        if (start.Style == MappingStyle.Flow) openFlowCollections.Pop();
        return (JsonObject)Remember(start.Anchor, mapping, values - before)!;
    }

    private IEnumerable<JsonObject> ReadMergeSources(FieldPath at, int depth)
    {
        var line = (int)parser.Current!.Start.Line;
        var value = Read(at, depth + 1);
        var sources = value is JsonArray list ? list.ToList() : [value];
        if (sources.All(s => s is JsonObject)) return sources.Cast<JsonObject>();
        Report(line, "a merge key (<<) takes a mapping or a list of mappings");
        return [];
    }

    private JsonNode? Dereference(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            Report((int)alias.Start.Line, $"unknown anchor *{alias.Value.Value}: define it with &{alias.Value.Value} before using it");
            return null;
        }

        Count(anchored.Size, alias);
        return anchored.Node?.DeepClone();
    }

    private JsonNode? Remember(AnchorName anchor, JsonNode? node, int size)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = (node, size);
        return node;
    }

    private void Count(int added, ParsingEvent at)
    {
        values += added;
        if (values > MaxValues) throw new YamlException(at.Start, at.End, $"the document expands to more than {MaxValues} values");
    }

    private void Report(int line, string message) => problems.Add(new(new(path, line), message));
}
