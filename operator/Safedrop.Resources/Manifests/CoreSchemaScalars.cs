using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Safedrop.Resources.Manifests;

/// <summary>
/// Types YAML scalars by the YAML 1.2 core schema: a plain (unquoted) scalar is null, a boolean, an
/// integer or a float when it reads as one, else a string; a quoted or block scalar is always a
/// string. So <c>displayName: 123</c> is a number (and a string field refuses it, as kubectl does)
/// while <c>displayName: "123"</c> is a string.
/// </summary>
internal static partial class CoreSchemaScalars
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string NullTag = "tag:yaml.org,2002:null";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";

    /// <summary>A scalar's JSON value; <see cref="IsImplicit"/> when YAML typed unquoted text as a non-string.</summary>
    public sealed record Result(JsonNode? Value, bool IsImplicit, string? Error);

    public static Result Convert(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is null)
        {
            if (scalar.Style != ScalarStyle.Plain) return new(JsonValue.Create(scalar.Value), false, null);
            var plain = ResolvePlain(scalar.Value);
            return plain.Error is null && plain.Tag != StrTag
                ? new(plain.Value, true, null)
                : new(plain.Value, false, plain.Error);
        }

        if (tag is "!" or StrTag) return new(JsonValue.Create(scalar.Value), false, null);

        if (tag is NullTag or BoolTag or IntTag or FloatTag)
        {
            var resolved = ResolvePlain(scalar.Value);
            if (resolved.Error is not null) return new(null, false, resolved.Error);
            return resolved.Tag == tag
                ? new(resolved.Value, false, null)
                : new(null, false, $"'{scalar.Value}' is not a valid !!{tag[(tag.LastIndexOf(':') + 1)..]}");
        }

        return new(null, false, $"unsupported YAML tag {tag}: Kubernetes objects hold only strings, numbers, booleans, null, lists and mappings");
    }

    private sealed record Resolved(string Tag, JsonNode? Value, string? Error = null);

    private static Resolved ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new(NullTag, null);
            case "true" or "True" or "TRUE":
                return new(BoolTag, JsonValue.Create(true));
            case "false" or "False" or "FALSE":
                return new(BoolTag, JsonValue.Create(false));
        }

        if (DecimalInteger().Match(text) is { Success: true } integer)
        {
            var sign = integer.Groups["sign"].Value == "-" ? "-" : "";
            return new(IntTag, Number(sign + TrimLeadingZeros(integer.Groups["digits"].Value)));
        }

        if (OctalInteger().IsMatch(text))
        {
            var value = text[2..].Aggregate(BigInteger.Zero, (acc, digit) => (acc * 8) + (digit - '0'));
            return new(IntTag, Number(value.ToString(CultureInfo.InvariantCulture)));
        }

        if (HexInteger().IsMatch(text))
        {
            var value = BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return new(IntTag, Number(value.ToString(CultureInfo.InvariantCulture)));
        }

        if (Float().Match(text) is { Success: true } number)
        {
            var sign = number.Groups["sign"].Value == "-" ? "-" : "";
            var fraction = number.Groups["fraction"].Value;
            var exponent = number.Groups["exponent"].Value;
            var json = sign + TrimLeadingZeros(number.Groups["whole"].Value)
                + (fraction.Length > 0 ? "." + fraction : "")
                + (exponent.Length > 0 ? "e" + exponent : "");
            return new(FloatTag, Number(json));
        }

        if (InfinityOrNaN().IsMatch(text))
            return new(FloatTag, null, $"{text} cannot be represented in JSON; quote it if you mean the text \"{text}\"");

        return new(StrTag, JsonValue.Create(text));
    }

    /// <summary>Numbers are parsed from canonical JSON text so that they behave exactly like numbers read from JSON.</summary>
    private static JsonNode Number(string json) => JsonNode.Parse(json)!;

    private static string TrimLeadingZeros(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    [GeneratedRegex("^(?<sign>[-+]?)(?<digits>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexInteger();

    [GeneratedRegex("^(?<sign>[-+]?)(?:\\.(?<fraction>[0-9]+)|(?<whole>[0-9]+)(?:\\.(?<fraction>[0-9]*))?)(?:[eE](?<exponent>[-+]?[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    [GeneratedRegex("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex InfinityOrNaN();
}
