namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>Evaluates a parsed CEL expression against named variables (<c>self</c>, <c>oldSelf</c>, macro variables).</summary>
internal sealed class CelEvaluator(IReadOnlyDictionary<string, object> variables)
{
    private readonly Dictionary<string, object> scope = new(variables, StringComparer.Ordinal);

    public object Evaluate(CelExpr expr) => expr switch
    {
        CelLiteral literal => literal.Value,
        CelIdent ident => scope.TryGetValue(ident.Name, out var value) ? value : throw new CelException($"undeclared reference to '{ident.Name}'"),
        CelSelect select => Select(select),
        CelIndex index => Index(Evaluate(index.Operand), Evaluate(index.Key)),
        CelUnary unary => Unary(unary),
        CelBinary binary => Binary(binary),
        CelConditional conditional => Evaluate(conditional.Condition) is bool condition
            ? Evaluate(condition ? conditional.Then : conditional.Else)
            : throw new CelException("no matching overload for '_?_:_' applied to a non-bool condition"),
        CelList list => list.Items.Select(Evaluate).ToList(),
        CelMapLiteral map => new CelMap([.. map.Entries.Select(e => new KeyValuePair<object, object>(Evaluate(e.Key), Evaluate(e.Value)))]),
        CelCall call => CelFunctions.Call(call.Function, call.Target is null ? null : Evaluate(call.Target), [.. call.Args.Select(Evaluate)]),
        CelComprehension comprehension => Comprehend(comprehension),
        _ => throw new CelException("unsupported expression " + expr.GetType().Name),
    };

    private object Select(CelSelect select)
    {
        var operand = Evaluate(select.Operand);
        if (operand is not CelMap map) throw new CelException($"no such key: {select.Field}");
        var found = map.TryGet(select.Field, out var value);
        if (select.TestOnly) return found;
        return found ? value : throw new CelException($"no such key: {select.Field}");
    }

    private static object Index(object operand, object key) => operand switch
    {
        IReadOnlyList<object> list when key is long i => i >= 0 && i < list.Count ? list[(int)i] : throw new CelException($"index out of bounds: {i}"),
        CelMap map => map.TryGet(key, out var value) ? value : throw new CelException($"no such key: {CelValues.Format(key)}"),
        _ => throw CelValues.NoOverload("_[_]", operand, key),
    };

    private object Unary(CelUnary unary)
    {
        var operand = Evaluate(unary.Operand);
        return (unary.Operator, operand) switch
        {
            ("!", bool b) => !b,
            ("-", long l) => l == long.MinValue ? throw new CelException("return error for overflow") : -l,
            ("-", double d) => -d,
            _ => throw CelValues.NoOverload(unary.Operator + "_", operand),
        };
    }

    private object Binary(CelBinary binary)
    {
        if (binary.Operator is "&&" or "||") return Logical(binary);
        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        return binary.Operator switch
        {
            "==" => CelValues.AreEqual(left, right),
            "!=" => !CelValues.AreEqual(left, right),
            "<" => CelValues.Compare(left, right) < 0,
            "<=" => CelValues.Compare(left, right) <= 0,
            ">" => CelValues.Compare(left, right) > 0,
            ">=" => CelValues.Compare(left, right) >= 0,
            "in" => Contains(right, left),
            _ => CelArithmetic.Apply(binary.Operator, left, right),
        };
    }

    /// <summary>CEL's commutative logic: an error on one side is ignored when the other side decides.</summary>
    private bool Logical(CelBinary binary)
    {
        var decisive = binary.Operator == "||";
        CelException? leftError = null;
        try
        {
            if (AsBool(Evaluate(binary.Left), binary.Operator) == decisive) return decisive;
        }
        catch (CelException e)
        {
            leftError = e;
        }

        var right = AsBool(Evaluate(binary.Right), binary.Operator);
        if (right == decisive) return decisive;
        if (leftError is not null) throw leftError;
        return !decisive;
    }

    private static bool AsBool(object value, string op) => value as bool? ?? throw CelValues.NoOverload("_" + op + "_", value);

    private static bool Contains(object container, object item) => container switch
    {
        IReadOnlyList<object> list => list.Any(e => CelValues.AreEqual(e, item)),
        CelMap map => map.TryGet(item, out _),
        _ => throw CelValues.NoOverload("@in", item, container),
    };

    private object Comprehend(CelComprehension c)
    {
        var range = Evaluate(c.Range) switch
        {
            IReadOnlyList<object> list => list,
            CelMap map => map.Entries.Select(e => e.Key).ToList(),
            var other => throw CelValues.NoOverload(c.Macro, other),
        };
        var shadowed = scope.TryGetValue(c.Variable, out var previous);
        try
        {
            return c.Macro switch
            {
                "all" => Logical(range, c, decisive: false),
                "exists" => Logical(range, c, decisive: true),
                "exists_one" => range.Count(item => Test(c, item)) == 1,
                "filter" => range.Where(item => Test(c, item)).ToList(),
                "map" => range.Where(item => Test(c, item)).Select(item => Bind(c.Variable, item, c.Transform!)).ToList(),
                _ => throw new CelException("unknown macro " + c.Macro),
            };
        }
        finally
        {
            if (shadowed) scope[c.Variable] = previous!;
            else scope.Remove(c.Variable);
        }
    }

    private bool Logical(IReadOnlyList<object> range, CelComprehension c, bool decisive)
    {
        CelException? error = null;
        foreach (var item in range)
        {
            try
            {
                if (Test(c, item) == decisive) return decisive;
            }
            catch (CelException e)
            {
                error ??= e;
            }
        }

        if (error is not null) throw error;
        return !decisive;
    }

    private bool Test(CelComprehension c, object item) => Bind(c.Variable, item, c.Body) as bool? ?? throw new CelException($"{c.Macro} predicate is not a bool");

    private object Bind(string variable, object item, CelExpr body)
    {
        scope[variable] = item;
        return Evaluate(body);
    }
}
