using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlScalar = YamlDotNet.Core.Events.Scalar;

namespace Safedrop.Api.WriteBack.Yaml;

/// <summary>
/// A YAML node with where it sits in the text: <see cref="Start"/> and <see cref="End"/> are character
/// offsets; a block collection ends where its last scalar ends (YamlDotNet places collection ends at the
/// next token, which may be lines of comments further down).
/// </summary>
internal abstract record YamlNode(int Start, int End);

internal sealed record YamlScalarNode(int Start, int End, string Value, ScalarStyle Style) : YamlNode(Start, End)
{
    /// <summary>An empty plain scalar: <c>key:</c> with nothing after it (null).</summary>
    public bool IsEmpty => Value.Length == 0 && Style == ScalarStyle.Plain;
}

internal sealed record YamlSequenceNode(int Start, int End, bool IsFlow, IReadOnlyList<YamlNode> Items) : YamlNode(Start, End);

internal sealed record YamlMappingNode(int Start, int End, bool IsFlow, IReadOnlyList<YamlEntry> Entries) : YamlNode(Start, End)
{
    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}

internal sealed record YamlEntry(YamlScalarNode Key, YamlNode Value);

/// <summary>One document of a file: its root node, and whether it uses anchors or aliases (which write-back does not edit).</summary>
internal sealed record YamlTreeDocument(YamlNode Root, bool UsesAnchors);

/// <summary>Parses a multi-document text into <see cref="YamlNode"/> trees with YamlDotNet's event parser, keeping marks.</summary>
internal static class YamlTree
{
    public static IReadOnlyList<YamlTreeDocument> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var documents = new List<YamlTreeDocument>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var anchors = false;
            var root = Read(text, parser, ref anchors);
            parser.Consume<DocumentEnd>();
            documents.Add(new YamlTreeDocument(root, anchors));
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static YamlNode Read(string text, IParser parser, ref bool anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            anchors = true;
            return new YamlScalarNode((int)alias.Start.Index, (int)alias.End.Index, "*" + alias.Value.Value, ScalarStyle.Any);
        }

        if (parser.TryConsume<YamlScalar>(out var scalar))
        {
            anchors |= !scalar.Anchor.IsEmpty;
            return new YamlScalarNode((int)scalar.Start.Index, (int)scalar.End.Index, scalar.Value, scalar.Style);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchors |= !sequenceStart.Anchor.IsEmpty;
            var items = new List<YamlNode>();
            SequenceEnd sequenceEnd;
            while (!parser.TryConsume(out sequenceEnd!)) items.Add(Read(text, parser, ref anchors));

            var flow = sequenceStart.Style == SequenceStyle.Flow;
            return new YamlSequenceNode((int)sequenceStart.Start.Index, EndOf(text, flow, items, sequenceEnd, ']'), flow, items);
        }

        var mappingStart = parser.Consume<MappingStart>();
        anchors |= !mappingStart.Anchor.IsEmpty;
        var entries = new List<YamlEntry>();
        var children = new List<YamlNode>();
        MappingEnd mappingEnd;
        while (!parser.TryConsume(out mappingEnd!))
        {
            var key = Read(text, parser, ref anchors);
            var value = Read(text, parser, ref anchors);
            children.Add(key);
            children.Add(value);
            if (key is YamlScalarNode scalarKey) entries.Add(new YamlEntry(scalarKey, value));
        }

        var isFlow = mappingStart.Style == MappingStyle.Flow;
        return new YamlMappingNode((int)mappingStart.Start.Index, EndOf(text, isFlow, children, mappingEnd, '}'), isFlow, entries);
    }

    /// <summary>A flow collection ends after its closing bracket; a block one where its last child ends.</summary>
    private static int EndOf(string text, bool flow, List<YamlNode> children, ParsingEvent end, char closer)
    {
        if (!flow) return children.Count == 0 ? (int)end.End.Index : children.Max(c => c.End);
        // The end event's marks sit at the closing bracket; the node ends after it.
        var bracket = text.IndexOf(closer, (int)end.Start.Index);
        return bracket < 0 ? (int)end.End.Index : bracket + 1;
    }
}
