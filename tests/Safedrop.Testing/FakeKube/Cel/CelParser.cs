namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>
/// Recursive-descent parser for CEL's grammar (ternary, ||, &amp;&amp;, relations incl. <c>in</c>, + -, * / %,
/// unary ! -, member access, calls, indexing, list and map literals) with the <c>has</c> and list macros.
/// </summary>
internal sealed class CelParser
{
    private static readonly HashSet<string> Relations = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly HashSet<string> Macros = ["all", "exists", "exists_one", "map", "filter"];

    private readonly List<CelToken> tokens;
    private int position;

    private CelParser(string text) => tokens = CelLexer.Tokenize(text);

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(text);
        var expr = parser.Expression();
        if (parser.Current.Kind != CelTokenKind.End) throw parser.Error("unexpected '" + parser.Current.Text + "'");
        return expr;
    }

    private CelToken Current => tokens[position];

    private CelExpr Expression()
    {
        var condition = Or();
        if (!Accept("?")) return condition;
        var then = Or();
        Expect(":");
        return new CelConditional(condition, then, Expression());
    }

    private CelExpr Or()
    {
        var left = And();
        while (Accept("||")) left = new CelBinary("||", left, And());
        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Accept("&&")) left = new CelBinary("&&", left, Relation());
        return left;
    }

    private CelExpr Relation()
    {
        var left = Addition();
        while (true)
        {
            if (Current.Kind == CelTokenKind.Punctuation && Relations.Contains(Current.Text))
            {
                var op = Next().Text;
                left = new CelBinary(op, left, Addition());
            }
            else if (Current.IsKeyword("in"))
            {
                Next();
                left = new CelBinary("in", left, Addition());
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Addition()
    {
        var left = Multiplication();
        while (Current.Is("+") || Current.Is("-")) left = new CelBinary(Next().Text, left, Multiplication());
        return left;
    }

    private CelExpr Multiplication()
    {
        var left = Unary();
        while (Current.Is("*") || Current.Is("/") || Current.Is("%")) left = new CelBinary(Next().Text, left, Unary());
        return left;
    }

    private CelExpr Unary()
    {
        if (Accept("!")) return new CelUnary("!", Unary());
        if (Current.Is("-"))
        {
            Next();
            // A negative literal is one token in CEL, so -9223372036854775808 parses.
            if (Current.Kind is CelTokenKind.Int or CelTokenKind.Double)
            {
                var literal = Next();
                var negated = literal.Value is long l ? (object)(-l) : -(double)literal.Value!;
                return Member(new CelLiteral(negated));
            }

            return new CelUnary("-", Unary());
        }

        return Member(Primary());
    }

    private CelExpr Member(CelExpr operand)
    {
        while (true)
        {
            if (Accept("."))
            {
                var name = ExpectIdentifier();
                if (Accept("("))
                {
                    var args = Arguments(")");
                    operand = Macros.Contains(name) && args.Count is 2 or 3 ? Comprehension(name, operand, args) : new CelCall(operand, name, args);
                }
                else
                {
                    operand = new CelSelect(operand, name, false);
                }
            }
            else if (Accept("["))
            {
                var key = Expression();
                Expect("]");
                operand = new CelIndex(operand, key);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelExpr Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case CelTokenKind.Int or CelTokenKind.UInt or CelTokenKind.Double or CelTokenKind.String:
                return new CelLiteral(token.Value!);
            case CelTokenKind.Identifier:
                return Identifier(token);
        }

        if (token.Is("("))
        {
            var inner = Expression();
            Expect(")");
            return inner;
        }

        if (token.Is("[")) return new CelList(Arguments("]"));
        if (token.Is("{")) return MapLiteral();
        if (token.Is(".") && Current.Kind == CelTokenKind.Identifier) return Identifier(Next());
        throw Error("unexpected '" + token.Text + "'", token);
    }

    private CelExpr Identifier(CelToken token)
    {
        switch (token.Text)
        {
            case "true": return new CelLiteral(true);
            case "false": return new CelLiteral(false);
            case "null": return new CelLiteral(CelNull.Instance);
        }

        if (!Accept("(")) return new CelIdent(token.Text);
        var args = Arguments(")");
        if (token.Text != "has") return new CelCall(null, token.Text, args);
        if (args is [CelSelect select]) return select with { TestOnly = true };
        throw Error("invalid argument to has() macro", token);
    }

    private CelComprehension Comprehension(string macro, CelExpr range, List<CelExpr> args)
    {
        if (args[0] is not CelIdent variable) throw Error($"argument to {macro} is not a simple name");
        if (macro == "map")
        {
            return args.Count == 3
                ? new CelComprehension("map", range, variable.Name, args[2], args[1])
                : new CelComprehension("map", range, variable.Name, new CelLiteral(true), args[1]);
        }

        if (args.Count != 2) throw Error($"{macro} takes two arguments");
        return new CelComprehension(macro, range, variable.Name, args[1], null);
    }

    private CelMapLiteral MapLiteral()
    {
        var entries = new List<(CelExpr, CelExpr)>();
        while (!Current.Is("}"))
        {
            var key = Expression();
            Expect(":");
            entries.Add((key, Expression()));
            if (!Accept(",")) break;
        }

        Expect("}");
        return new CelMapLiteral(entries);
    }

    private List<CelExpr> Arguments(string close)
    {
        var args = new List<CelExpr>();
        while (!Current.Is(close))
        {
            args.Add(Expression());
            if (!Accept(",")) break;
        }

        Expect(close);
        return args;
    }

    private CelToken Next() => tokens[position < tokens.Count - 1 ? position++ : position];

    private bool Accept(string punctuation)
    {
        if (!Current.Is(punctuation)) return false;
        position++;
        return true;
    }

    private void Expect(string punctuation)
    {
        if (!Accept(punctuation)) throw Error($"expected '{punctuation}' but found '{Current.Text}'");
    }

    private string ExpectIdentifier()
    {
        if (Current.Kind != CelTokenKind.Identifier) throw Error("expected a name but found '" + Current.Text + "'");
        return Next().Text;
    }

    private CelException Error(string message, CelToken? at = null) =>
        new($"Syntax error: {message} (position {(at ?? Current).Position})");
}
