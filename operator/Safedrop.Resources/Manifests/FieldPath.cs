using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Safedrop.Resources.Manifests;

/// <summary>
/// A path to a value inside a document in Kubernetes' style: <c>spec.members[2]</c>. Names that
/// would read ambiguously (dots, brackets) are written as <c>[name]</c>, as Kubernetes writes map keys.
/// </summary>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    public static readonly FieldPath Root = new(null, null, -1);

    private readonly string? name;
    private readonly int index;
    private readonly string text;

    private FieldPath(FieldPath? parent, string? name, int index)
    {
        Parent = parent;
        this.name = name;
        this.index = index;
        text = Render();
    }

    public FieldPath? Parent { get; }

    public bool IsRoot => Parent is null;

    /// <summary>The names from the root down; null stands for a list index.</summary>
    public IReadOnlyList<string?> Names
    {
        get
        {
            var names = new List<string?>();
            for (var current = this; current.Parent is not null; current = current.Parent) names.Add(current.name);
            names.Reverse();
            return names;
        }
    }

    /// <summary>The value at this path inside a document, or null when there is none.</summary>
    public JsonNode? Find(JsonNode? root)
    {
        if (Parent is null) return root;
        var container = Parent.Find(root);
        if (name is null) return container is JsonArray list && index < list.Count ? list[index] : null;
        return container is JsonObject map ? map[name] : null;
    }

    public FieldPath Child(string childName) => new(this, childName, -1);

    public FieldPath Item(int itemIndex) => new(this, null, itemIndex);

    /// <summary>Reads a path as the schema validator or System.Text.Json writes it: <c>spec.a[0].b</c>, <c>$.spec['a.b']</c>, <c>metadata.labels[app]</c>.</summary>
    public static FieldPath Parse(string? path)
    {
        var result = Root;
        if (string.IsNullOrEmpty(path)) return result;
        var position = path.StartsWith('$') ? 1 : 0;
        while (position < path.Length)
        {
            var c = path[position];
            if (c == '.')
            {
                position++;
            }
            else if (c == '[')
            {
                var end = path.IndexOf(']', position);
                if (end < 0) end = path.Length;
                var inner = path[(position + 1)..end].Trim('\'', '"');
                result = int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? result.Item(i) : result.Child(inner);
                position = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], position);
                if (end < 0) end = path.Length;
                result = result.Child(path[position..end]);
                position = end;
            }
        }

        return result;
    }

    public override string ToString() => text;

    public bool Equals(FieldPath? other) => other is not null && string.Equals(text, other.text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(text);

    private string Render()
    {
        if (Parent is null) return "";
        var builder = new StringBuilder(Parent.text);
        if (name is null)
        {
            builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        else if (name.Length == 0 || name.AsSpan().IndexOfAny(".[]") >= 0)
        {
            builder.Append('[').Append(name).Append(']');
        }
        else
        {
            if (!Parent.IsRoot) builder.Append('.');
            builder.Append(name);
        }

        return builder.ToString();
    }
}
