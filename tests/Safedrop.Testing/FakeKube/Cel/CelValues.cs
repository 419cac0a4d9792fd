using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>CEL's null value.</summary>
internal sealed class CelNull
{
    public static readonly CelNull Instance = new();

    private CelNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>A CEL map: a JSON object (string keys) or a map literal. Keys compare with CEL equality.</summary>
internal sealed class CelMap(IReadOnlyList<KeyValuePair<object, object>> entries)
{
    public IReadOnlyList<KeyValuePair<object, object>> Entries { get; } = entries;

    public int Count => Entries.Count;

    public bool TryGet(object key, out object value)
    {
        foreach (var entry in Entries)
        {
            if (CelValues.AreEqual(entry.Key, key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = CelNull.Instance;
        return false;
    }
}

/// <summary>CEL's values as CLR objects (long, double, string, bool, <see cref="CelNull"/>, lists, <see cref="CelMap"/>) and their rules.</summary>
internal static class CelValues
{
    public static object FromJson(JsonNode? node) => node switch
    {
        null => CelNull.Instance,
        JsonObject obj => new CelMap([.. obj.Select(p => new KeyValuePair<object, object>(p.Key, FromJson(p.Value)))]),
        JsonArray list => list.Select(FromJson).ToList(),
        JsonValue value => FromJsonValue(value),
        _ => throw new CelException("unsupported JSON value"),
    };

    private static object FromJsonValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? (object)l
            : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
        JsonValueKind.Null => CelNull.Instance,
        _ => throw new CelException("unsupported JSON value"),
    };

    public static bool AreEqual(object a, object b)
    {
        if (IsNumber(a) && IsNumber(b)) return ToDouble(a) == ToDouble(b) && (a is not long la || b is not long lb || la == lb);
        return (a, b) switch
        {
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            (CelNull, CelNull) => true,
            (IReadOnlyList<object> x, IReadOnlyList<object> y) => x.Count == y.Count && x.Zip(y).All(p => AreEqual(p.First, p.Second)),
            (CelMap x, CelMap y) => x.Count == y.Count && x.Entries.All(e => y.TryGet(e.Key, out var other) && AreEqual(e.Value, other)),
            _ => false,
        };
    }

    public static int Compare(object a, object b)
    {
        if (IsNumber(a) && IsNumber(b))
            return a is long la && b is long lb ? la.CompareTo(lb) : ToDouble(a).CompareTo(ToDouble(b));
        return (a, b) switch
        {
            (string x, string y) => string.CompareOrdinal(x, y),
            (bool x, bool y) => x.CompareTo(y),
            _ => throw NoOverload("_<_", a, b),
        };
    }

    public static bool IsNumber(object value) => value is long or double;

    public static double ToDouble(object value) => value is long l ? l : (double)value;

    public static string TypeName(object value) => value switch
    {
        long => "int",
        double => "double",
        string => "string",
        bool => "bool",
        CelNull => "null_type",
        IReadOnlyList<object> => "list",
        CelMap => "map",
        _ => value.GetType().Name,
    };

    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static CelException NoOverload(string function, params object[] args) =>
        new($"no such overload: {function}({string.Join(", ", args.Select(TypeName))})");
}
