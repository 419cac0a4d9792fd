using System.Globalization;
using System.Text;

namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>Splits a CEL expression into tokens: identifiers, numbers, quoted strings (raw and triple-quoted too) and operators.</summary>
internal static class CelLexer
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (IsStringStart(text, i))
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new CelToken(CelTokenKind.Identifier, text[start..i], null, start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new CelException($"Syntax error: token recognition error at: '{c}' (position {i})");
                tokens.Add(new CelToken(CelTokenKind.Punctuation, op, null, i));
                i += op.Length;
            }
        }

        tokens.Add(new CelToken(CelTokenKind.End, "", null, text.Length));
        return tokens;
    }

    private static bool IsStringStart(string text, int i)
    {
        var c = text[i];
        if (c is '\'' or '"') return true;
        return c is 'r' or 'R' && i + 1 < text.Length && text[i + 1] is '\'' or '"';
    }

    private static CelToken ReadString(string text, ref int i)
    {
        var start = i;
        var raw = text[i] is 'r' or 'R';
        if (raw) i++;
        var quote = text[i];
        var triple = string.CompareOrdinal(text, i, new string(quote, 3), 0, 3) == 0;
        var terminator = triple ? new string(quote, 3) : quote.ToString();
        i += terminator.Length;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length) throw new CelException($"Syntax error: unterminated string at position {start}");
            if (string.CompareOrdinal(text, i, terminator, 0, terminator.Length) == 0)
            {
                i += terminator.Length;
                break;
            }

            if (!raw && text[i] == '\\') value.Append(ReadEscape(text, ref i));
            else value.Append(text[i++]);
        }

        return new CelToken(CelTokenKind.String, text[start..i], value.ToString(), start);
    }

    private static string ReadEscape(string text, ref int i)
    {
        i++;
        if (i >= text.Length) throw new CelException("Syntax error: dangling escape");
        var c = text[i++];
        switch (c)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'v': return "\v";
            case '\\' or '\'' or '"' or '`' or '?': return c.ToString();
            case 'x' or 'X': return Hex(text, ref i, 2);
            case 'u': return Hex(text, ref i, 4);
            case 'U': return Hex(text, ref i, 8);
            default:
                if (c is >= '0' and <= '3' && i + 1 < text.Length)
                {
                    var code = Convert.ToInt32(text.Substring(i - 1, 3), 8);
                    i += 2;
                    return ((char)code).ToString();
                }

                throw new CelException($"Syntax error: invalid escape \\{c}");
        }
    }

    private static string Hex(string text, ref int i, int digits)
    {
        if (i + digits > text.Length) throw new CelException("Syntax error: short escape");
        var code = int.Parse(text.AsSpan(i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += digits;
        return char.ConvertFromUtf32(code);
    }

    private static CelToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i])) i++;
            var hex = long.Parse(text.AsSpan(start + 2, i - start - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return Integer(text, ref i, start, hex);
        }

        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            isDouble = true;
            i++;
            if (i < text.Length && text[i] is '+' or '-') i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }

        var literal = text[start..i];
        if (isDouble) return new CelToken(CelTokenKind.Double, literal, double.Parse(literal, CultureInfo.InvariantCulture), start);
        if (!long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw new CelException($"Syntax error: invalid int literal {literal}");
        return Integer(text, ref i, start, value);
    }

    private static CelToken Integer(string text, ref int i, int start, long value)
    {
        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return new CelToken(CelTokenKind.UInt, text[start..i], value, start);
        }

        return new CelToken(CelTokenKind.Int, text[start..i], value, start);
    }
}
