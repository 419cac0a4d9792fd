using System.Globalization;

namespace Safedrop.Resources.Schema;

/// <summary>A field's path as Kubernetes prints it: <c>spec.collaborators[0].role</c>; the root is <c>&lt;nil&gt;</c>.</summary>
internal sealed class FieldPath
{
    public static readonly FieldPath Root = new("");

    private readonly string _text;

    private FieldPath(string text) => _text = text;

    public bool IsRoot => _text.Length == 0;

    public FieldPath Child(string name) => new(IsRoot ? name : _text + "." + name);

    public FieldPath Index(int index) => new(_text + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    public override string ToString() => IsRoot ? "<nil>" : _text;
}
