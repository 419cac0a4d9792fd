using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>CEL's standard functions we use, plus the Kubernetes string and list extensions.</summary>
internal static class CelFunctions
{
    public static readonly HashSet<string> Known =
    [
        "size", "int", "uint", "double", "string", "bool", "dyn", "matches",
        "contains", "startsWith", "endsWith", "lowerAscii", "upperAscii", "trim", "split", "join",
        "replace", "indexOf", "lastIndexOf", "substring", "charAt", "isSorted", "sum", "min", "max",
    ];

    public static object Call(string function, object? target, IReadOnlyList<object> args)
    {
        if (target is null)
        {
            if (args.Count == 0) throw new CelException($"no such overload: {function}()");
            return Call(function, args[0], args.Skip(1).ToList(), asMethod: false);
        }

        return Call(function, target, args, asMethod: true);
    }

    private static object Call(string function, object subject, IReadOnlyList<object> args, bool asMethod) => (function, subject, args.Count) switch
    {
        ("size", _, 0) => Size(subject),
        ("int", _, 0) when !asMethod => ToInt(subject),
        ("uint", _, 0) when !asMethod => ToInt(subject),
        ("double", _, 0) when !asMethod => ToDouble(subject),
        ("string", _, 0) when !asMethod => CelValues.Format(subject),
        ("bool", string s, 0) when !asMethod => s switch
        {
            "true" or "True" or "TRUE" or "t" or "1" => true,
            "false" or "False" or "FALSE" or "f" or "0" => false,
            _ => throw new CelException($"type conversion error from string to bool: '{s}'"),
        },
        ("bool", bool b, 0) when !asMethod => b,
        ("dyn", _, 0) when !asMethod => subject,
        ("matches", string s, 1) => Regex.IsMatch(s, Text(args[0], function), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        ("contains", string s, 1) => s.Contains(Text(args[0], function), StringComparison.Ordinal),
        ("startsWith", string s, 1) => s.StartsWith(Text(args[0], function), StringComparison.Ordinal),
        ("endsWith", string s, 1) => s.EndsWith(Text(args[0], function), StringComparison.Ordinal),
        ("lowerAscii", string s, 0) => string.Concat(s.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c)),
        ("upperAscii", string s, 0) => string.Concat(s.Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c)),
        ("trim", string s, 0) => s.Trim(),
        ("split", string s, 1) => s.Split(Text(args[0], function)).Cast<object>().ToList(),
        ("replace", string s, 2) => s.Replace(Text(args[0], function), Text(args[1], function), StringComparison.Ordinal),
        ("indexOf", string s, 1) => (long)s.IndexOf(Text(args[0], function), StringComparison.Ordinal),
        ("lastIndexOf", string s, 1) => (long)s.LastIndexOf(Text(args[0], function), StringComparison.Ordinal),
        ("charAt", string s, 1) => Substring(s, args[0], (long)Index(args[0]) + 1, allowEnd: true),
        ("substring", string s, 1) => Substring(s, args[0], new StringInfo(s).LengthInTextElements, allowEnd: false),
        ("substring", string s, 2) => Substring(s, args[0], Index(args[1]), allowEnd: false),
        ("join", IReadOnlyList<object> list, 0) => string.Concat(list.Select(i => Text(i, function))),
        ("join", IReadOnlyList<object> list, 1) => string.Join(Text(args[0], function), list.Select(i => Text(i, function))),
        ("indexOf", IReadOnlyList<object> list, 1) => (long)IndexOf(list, args[0]),
        ("lastIndexOf", IReadOnlyList<object> list, 1) => (long)LastIndexOf(list, args[0]),
        ("isSorted", IReadOnlyList<object> list, 0) => list.Zip(list.Skip(1)).All(p => CelValues.Compare(p.First, p.Second) <= 0),
        ("sum", IReadOnlyList<object> list, 0) => list.Aggregate((object)0L, (total, item) => CelArithmetic.Apply("+", total, item)),
        ("min", IReadOnlyList<object> list, 0) => list.Count == 0 ? throw new CelException("min called on an empty list") : list.Aggregate((a, b) => CelValues.Compare(b, a) < 0 ? b : a),
        ("max", IReadOnlyList<object> list, 0) => list.Count == 0 ? throw new CelException("max called on an empty list") : list.Aggregate((a, b) => CelValues.Compare(b, a) > 0 ? b : a),
        _ => throw CelValues.NoOverload(function, [subject, .. args]),
    };

    private static long Size(object value) => value switch
    {
        string s => s.EnumerateRunes().LongCount(),
        IReadOnlyList<object> list => list.Count,
        CelMap map => map.Count,
        _ => throw CelValues.NoOverload("size", value),
    };

    private static long ToInt(object value) => value switch
    {
        long l => l,
        double d when d is >= long.MinValue and <= long.MaxValue => (long)d,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new CelException($"type conversion error from {CelValues.TypeName(value)} to int"),
    };

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new CelException($"type conversion error from {CelValues.TypeName(value)} to double"),
    };

    private static string Text(object value, string function) => value as string ?? throw CelValues.NoOverload(function, value);

    private static int Index(object value) => value is long l ? (int)l : throw CelValues.NoOverload("substring", value);

    private static string Substring(string s, object startArg, long end, bool allowEnd)
    {
        var runes = s.EnumerateRunes().ToList();
        var start = Index(startArg);
        if (start < 0 || end < start || end > runes.Count || (allowEnd && start > runes.Count))
            throw new CelException($"index out of range: {start}");
        var text = new StringBuilder();
        foreach (var rune in runes.Skip(start).Take((int)(end - start))) text.Append(rune.ToString());
        return text.ToString();
    }

    private static int IndexOf(IReadOnlyList<object> list, object item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (CelValues.AreEqual(list[i], item)) return i;
        }

        return -1;
    }

    private static int LastIndexOf(IReadOnlyList<object> list, object item)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (CelValues.AreEqual(list[i], item)) return i;
        }

        return -1;
    }
}
