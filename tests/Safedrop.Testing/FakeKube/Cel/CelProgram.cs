using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>
/// A compiled <c>x-kubernetes-validations</c> rule. Compiling checks the syntax, the variables
/// (<c>self</c>, <c>oldSelf</c>, macro variables) and the function names, as the API server does when a CRD is created.
/// </summary>
internal sealed class CelProgram
{
    private readonly CelExpr expression;

    private CelProgram(string source, CelExpr expression, bool isTransitionRule)
    {
        Source = source;
        this.expression = expression;
        IsTransitionRule = isTransitionRule;
    }

    public string Source { get; }

    /// <summary>Mentions <c>oldSelf</c>: checked on updates only, when an old value exists.</summary>
    public bool IsTransitionRule { get; }

    public static CelProgram Compile(string rule)
    {
        var expression = CelParser.Parse(rule);
        var usesOldSelf = false;
        Check(expression, new HashSet<string>(StringComparer.Ordinal) { "self", "oldSelf" }, ref usesOldSelf);
        return new CelProgram(rule, expression, usesOldSelf);
    }

    public object Evaluate(JsonNode? self, JsonNode? oldSelf)
    {
        var variables = new Dictionary<string, object>(StringComparer.Ordinal) { ["self"] = CelValues.FromJson(self) };
        if (IsTransitionRule) variables["oldSelf"] = CelValues.FromJson(oldSelf);
        return new CelEvaluator(variables).Evaluate(expression);
    }

    /// <summary>The rule's verdict; a non-bool result is an error, as in Kubernetes.</summary>
    public bool Holds(JsonNode? self, JsonNode? oldSelf) =>
        Evaluate(self, oldSelf) as bool? ?? throw new CelException("rule did not evaluate to a bool");

    private static void Check(CelExpr expr, IReadOnlySet<string> names, ref bool usesOldSelf)
    {
        switch (expr)
        {
            case CelIdent ident:
                if (!names.Contains(ident.Name)) throw new CelException($"compilation failed: ERROR: <input>: undeclared reference to '{ident.Name}'");
                if (ident.Name == "oldSelf") usesOldSelf = true;
                break;
            case CelSelect select:
                Check(select.Operand, names, ref usesOldSelf);
                break;
            case CelCall call:
                if (!CelFunctions.Known.Contains(call.Function)) throw new CelException($"compilation failed: ERROR: <input>: undeclared reference to '{call.Function}'");
                if (call.Target is not null) Check(call.Target, names, ref usesOldSelf);
                foreach (var arg in call.Args) Check(arg, names, ref usesOldSelf);
                break;
            case CelIndex index:
                Check(index.Operand, names, ref usesOldSelf);
                Check(index.Key, names, ref usesOldSelf);
                break;
            case CelUnary unary:
                Check(unary.Operand, names, ref usesOldSelf);
                break;
            case CelBinary binary:
                Check(binary.Left, names, ref usesOldSelf);
                Check(binary.Right, names, ref usesOldSelf);
                break;
            case CelConditional conditional:
                Check(conditional.Condition, names, ref usesOldSelf);
                Check(conditional.Then, names, ref usesOldSelf);
                Check(conditional.Else, names, ref usesOldSelf);
                break;
            case CelList list:
                foreach (var item in list.Items) Check(item, names, ref usesOldSelf);
                break;
            case CelMapLiteral map:
                foreach (var (key, value) in map.Entries)
                {
                    Check(key, names, ref usesOldSelf);
                    Check(value, names, ref usesOldSelf);
                }

                break;
            case CelComprehension comprehension:
                Check(comprehension.Range, names, ref usesOldSelf);
                var inner = new HashSet<string>(names, StringComparer.Ordinal) { comprehension.Variable };
                Check(comprehension.Body, inner, ref usesOldSelf);
                if (comprehension.Transform is not null) Check(comprehension.Transform, inner, ref usesOldSelf);
                break;
        }
    }
}
