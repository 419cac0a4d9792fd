namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>CEL's + - * / %: checked int arithmetic, doubles, string and list concatenation; no mixed int/double.</summary>
internal static class CelArithmetic
{
    public static object Apply(string op, object left, object right)
    {
        try
        {
            return (op, left, right) switch
            {
                ("+", long a, long b) => checked(a + b),
                ("-", long a, long b) => checked(a - b),
                ("*", long a, long b) => checked(a * b),
                ("/", long a, long b) => b == 0 ? throw new CelException("division by zero") : checked(a / b),
                ("%", long a, long b) => b == 0 ? throw new CelException("modulus by zero") : a % b,
                ("+", double a, double b) => a + b,
                ("-", double a, double b) => a - b,
                ("*", double a, double b) => a * b,
                ("/", double a, double b) => a / b,
                ("+", string a, string b) => a + b,
                ("+", IReadOnlyList<object> a, IReadOnlyList<object> b) => a.Concat(b).ToList(),
                _ => throw CelValues.NoOverload("_" + op + "_", left, right),
            };
        }
        catch (OverflowException)
        {
            throw new CelException("return error for overflow");
        }
    }
}
