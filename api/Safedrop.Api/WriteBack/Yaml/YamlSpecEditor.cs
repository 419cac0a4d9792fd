using System.Text;
using System.Text.Json.Nodes;

namespace Safedrop.Api.WriteBack.Yaml;

/// <summary>
/// Rewrites the spec of one document inside a file's text, touching only the text of what changed: a
/// changed scalar is replaced where it stands, members added to a block list are appended as new lines
/// after the last one and removed ones lose their line, a new field becomes a new line at the end of its
/// mapping. Everything else (comments, key order, quoting, other documents) keeps its bytes. What cannot
/// be edited that finely (a flow list, a list of objects) is rewritten as one value.
/// </summary>
internal sealed class YamlSpecEditor
{
    private readonly string text;
    private readonly string newline;
    private readonly List<Edit> edits = [];

    private YamlSpecEditor(string text)
    {
        this.text = text;
        newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
    }

    private sealed record Edit(int Start, int End, string Replacement);

    private int AddedIndex(Edit edit) => edits.IndexOf(edit);

    /// <summary>The text with the spec of <paramref name="root"/> changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="fine">False: rewrite the whole spec value instead of editing it field by field (the fallback).</param>
    public static string Apply(string text, YamlMappingNode root, JsonObject before, JsonObject after, bool fine = true)
    {
        var editor = new YamlSpecEditor(text);
        var spec = root.Find("spec");
        if (spec is null) editor.AddEntries(root, [("spec", after)]);
        else if (fine && spec.Value is YamlMappingNode { IsFlow: false, Entries.Count: > 0 } mapping) editor.EditMapping(mapping, before, after);
        else editor.ReplaceValue(spec, after);
        return editor.Result();
    }

    private string Result()
    {
        // Applied back to front; of two insertions at one place the later-planned goes in first, so it ends up after.
        var ordered = edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ThenByDescending(AddedIndex).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].End > ordered[i - 1].Start && ordered[i - 1].Start != ordered[i - 1].End)
                throw new InvalidOperationException("Overlapping YAML edits.");
        }

        var result = new StringBuilder(text);
        foreach (var edit in ordered)
        {
            result.Remove(edit.Start, edit.End - edit.Start);
            result.Insert(edit.Start, edit.Replacement);
        }

        return result.ToString();
    }

    private void EditMapping(YamlMappingNode mapping, JsonObject before, JsonObject after)
    {
        var added = new List<(string, JsonNode?)>();
        foreach (var (key, value) in after)
        {
            if (value is null) continue;
            var entry = mapping.Find(key);
            if (entry is null)
            {
                if (!JsonNode.DeepEquals(before[key], value)) added.Add((key, value));
            }
            else if (!JsonNode.DeepEquals(before[key], value)) EditValue(entry, before[key], value);
        }

        foreach (var entry in mapping.Entries)
        {
            if (after[entry.Key.Value] is null && before[entry.Key.Value] is not null)
                edits.Add(new Edit(LineStart(entry.Key.Start), LineEndAfter(Math.Max(entry.Value.End, entry.Key.End)), ""));
        }

        if (added.Count > 0) AddEntries(mapping, added);
    }

    private void EditValue(YamlEntry entry, JsonNode? before, JsonNode after)
    {
        switch (entry.Value)
        {
            case YamlMappingNode { IsFlow: false, Entries.Count: > 0 } mapping when before is JsonObject b && after is JsonObject a:
                EditMapping(mapping, b, a);
                return;
            case YamlSequenceNode { IsFlow: false, Items.Count: > 0 } sequence when TryEditList(sequence, before, after):
                return;
            case YamlScalarNode { IsEmpty: false, Style: not YamlDotNet.Core.ScalarStyle.Literal and not YamlDotNet.Core.ScalarStyle.Folded } scalar
                when after is JsonValue:
                edits.Add(new Edit(scalar.Start, scalar.End, YamlText.Scalar(after)));
                return;
            default:
                ReplaceValue(entry, after);
                return;
        }
    }

    /// <summary>
    /// A block list of scalars whose kept items stay in order and whose new items come last: removed
    /// items lose their lines, new ones are appended in the list's own indentation.
    /// </summary>
    private bool TryEditList(YamlSequenceNode sequence, JsonNode? before, JsonNode after)
    {
        if (before is not JsonArray old || after is not JsonArray next || next.Count == 0) return false;
        if (!sequence.Items.All(i => i is YamlScalarNode { IsEmpty: false }) || sequence.Items.Count != old.Count) return false;
        if (!old.Concat(next).All(v => v is JsonValue value && value.TryGetValue<string>(out _))) return false;

        var oldValues = old.Select(v => v!.GetValue<string>()).ToList();
        var newValues = next.Select(v => v!.GetValue<string>()).ToList();
        var yamlValues = sequence.Items.Cast<YamlScalarNode>().Select(s => s.Value).ToList();
        if (!yamlValues.SequenceEqual(oldValues, StringComparer.Ordinal)) return false;

        var kept = oldValues.Where(newValues.Contains).ToList();
        if (!newValues.Take(kept.Count).SequenceEqual(kept, StringComparer.Ordinal)) return false;
        var appended = newValues.Skip(kept.Count).ToList();

        foreach (var item in sequence.Items.Cast<YamlScalarNode>().Where(i => !newValues.Contains(i.Value)))
            edits.Add(new Edit(LineStart(item.Start), LineEndAfter(item.End), ""));

        if (appended.Count > 0)
        {
            var last = sequence.Items[^1];
            var lineStart = LineStart(last.Start);
            var dash = text.LastIndexOf('-', last.Start - 1, last.Start - lineStart);
            if (dash < 0) return false;
            var prefix = text[lineStart..dash];
            var at = LineEndAfter(last.End);
            var lead = at == text.Length && !text.EndsWith('\n') ? newline : "";
            edits.Add(new Edit(at, at, lead + string.Concat(appended.Select(v => prefix + "- " + YamlText.Scalar(JsonValue.Create(v)) + newline))));
        }

        return true;
    }

    /// <summary>Rewrites an entry's whole value after its colon, in block style below the key.</summary>
    private void ReplaceValue(YamlEntry entry, JsonNode after)
    {
        var colon = text.IndexOf(':', entry.Key.End);
        if (colon < 0) throw new InvalidOperationException("A mapping key without a colon.");
        var start = colon + 1;
        var end = entry.Value switch
        {
            YamlScalarNode { IsEmpty: true } => start,
            YamlScalarNode scalar and not { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded } => scalar.End,
            var node => LineEndBefore(node.End),
        };
        edits.Add(new Edit(start, end, YamlText.AfterKey(after, Column(entry.Key.Start) + 2, newline)));
    }

    /// <summary>New entries after the mapping's last line, in the indentation of its keys.</summary>
    private void AddEntries(YamlMappingNode mapping, IReadOnlyList<(string Key, JsonNode? Value)> added)
    {
        if (mapping.IsFlow || mapping.Entries.Count == 0) throw new InvalidOperationException("Cannot add a field to a flow or empty mapping.");
        var column = Column(mapping.Entries[0].Key.Start);
        var at = LineEndAfter(mapping.End);
        var lead = at == text.Length && !text.EndsWith('\n') ? newline : "";
        var lines = added.Select(a => YamlText.Spaces(column) + YamlText.AfterKey(new JsonObject { [a.Key] = a.Value?.DeepClone() }, column, newline).TrimStart() + newline);
        edits.Add(new Edit(at, at, lead + string.Concat(lines)));
    }

    private int LineStart(int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    private int Column(int index) => index - LineStart(index);

    /// <summary>Just after the newline ending the line of <paramref name="index"/> (or the end of the text).</summary>
    private int LineEndAfter(int index)
    {
        var newlineAt = text.IndexOf('\n', index);
        return newlineAt < 0 ? text.Length : newlineAt + 1;
    }

    /// <summary>Where the line of <paramref name="index"/> ends, before its line break.</summary>
    private int LineEndBefore(int index)
    {
        var newlineAt = text.IndexOf('\n', index);
        if (newlineAt < 0) return text.Length;
        return newlineAt > 0 && text[newlineAt - 1] == '\r' ? newlineAt - 1 : newlineAt;
    }
}
