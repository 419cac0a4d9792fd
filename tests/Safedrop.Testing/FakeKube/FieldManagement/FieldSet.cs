using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>
/// A set of field paths, as a tree whose edges are path elements in their fieldsV1 spelling
/// (<c>f:name</c>, <c>k:{"name":"a"}</c>, <c>v:"value"</c>, <c>i:0</c>). A node is a member when its path
/// itself is in the set; inner nodes may or may not be members (fieldsV1 marks those with <c>"."</c>).
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> children = new(StringComparer.Ordinal);

    public bool IsMember { get; private set; }

    public IReadOnlyDictionary<string, FieldSet> Children => children;

    public bool IsEmpty => !IsMember && children.Count == 0;

    public static FieldSet Empty => new();

    public void Insert(IReadOnlyList<string> path)
    {
        if (path.Count == 0) return;
        var node = this;
        foreach (var element in path) node = node.Child(element);
        node.IsMember = true;
    }

    public bool Contains(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out var next)) return false;
            node = next;
        }

        return path.Count > 0 && node.IsMember;
    }

    /// <summary>Takes one path out of the set, keeping the paths below it.</summary>
    public FieldSet WithoutMember(params string[] path)
    {
        var copy = Clone();
        var node = copy;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out var next)) return copy;
            node = next;
        }

        node.IsMember = false;
        copy.Prune();
        return copy;
    }

    /// <summary>Only the paths under one top-level element (for example <c>f:status</c>).</summary>
    public FieldSet Only(string element)
    {
        var result = new FieldSet();
        if (children.TryGetValue(element, out var child)) result.children[element] = child.Clone();
        return result;
    }

    /// <summary>Everything but the paths under one top-level element.</summary>
    public FieldSet Without(string element)
    {
        var result = Clone();
        result.children.Remove(element);
        return result;
    }

    /// <summary>The member paths, parents before children.</summary>
    public IEnumerable<IReadOnlyList<string>> Paths() => Walk([]);

    public FieldSet Union(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember || other.IsMember };
        foreach (var key in children.Keys.Union(other.children.Keys))
        {
            children.TryGetValue(key, out var mine);
            other.children.TryGetValue(key, out var theirs);
            result.children[key] = mine is null ? theirs!.Clone() : theirs is null ? mine.Clone() : mine.Union(theirs);
        }

        return result;
    }

    public FieldSet Intersect(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && other.IsMember };
        foreach (var (key, mine) in children)
        {
            if (!other.children.TryGetValue(key, out var theirs)) continue;
            var common = mine.Intersect(theirs);
            if (!common.IsEmpty) result.children[key] = common;
        }

        return result;
    }

    public FieldSet Except(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && !other.IsMember };
        foreach (var (key, mine) in children)
        {
            var rest = other.children.TryGetValue(key, out var theirs) ? mine.Except(theirs) : mine.Clone();
            if (!rest.IsEmpty) result.children[key] = rest;
        }

        return result;
    }

    public bool SameAs(FieldSet other) =>
        IsMember == other.IsMember
        && children.Count == other.children.Count
        && children.All(c => other.children.TryGetValue(c.Key, out var o) && c.Value.SameAs(o));

    public FieldSet Clone()
    {
        var copy = new FieldSet { IsMember = IsMember };
        foreach (var (key, child) in children) copy.children[key] = child.Clone();
        return copy;
    }

    /// <summary>The fieldsV1 form stored in <c>metadata.managedFields</c>.</summary>
    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        foreach (var (key, child) in children)
        {
            var node = child.ToFieldsV1();
            if (child.IsMember && child.children.Count > 0) node.Insert(0, ".", new JsonObject());
            json[key] = node;
        }

        return json;
    }

    public static FieldSet FromFieldsV1(JsonObject? json)
    {
        var set = new FieldSet();
        if (json is null) return set;
        foreach (var (key, value) in json)
        {
            if (key == ".") continue;
            var child = FromFieldsV1(value as JsonObject);
            var inner = value as JsonObject;
            child.IsMember = inner is null || inner.Count == 0 || inner.ContainsKey(".");
            set.children[key] = child;
        }

        return set;
    }

    private FieldSet Child(string element)
    {
        if (!children.TryGetValue(element, out var child))
        {
            child = new FieldSet();
            children[element] = child;
        }

        return child;
    }

    private void Prune()
    {
        foreach (var (key, child) in children.ToList())
        {
            child.Prune();
            if (child.IsEmpty) children.Remove(key);
        }
    }

    private IEnumerable<IReadOnlyList<string>> Walk(List<string> prefix)
    {
        foreach (var (key, child) in children)
        {
            var path = new List<string>(prefix) { key };
            if (child.IsMember) yield return path;
            foreach (var below in child.Walk(path)) yield return below;
        }
    }
}
