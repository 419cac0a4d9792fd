namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>A parsed CEL expression.</summary>
internal abstract record CelExpr;

internal sealed record CelLiteral(object Value) : CelExpr;

internal sealed record CelIdent(string Name) : CelExpr;

/// <summary><c>operand.field</c>; inside <c>has()</c> it only tests presence.</summary>
internal sealed record CelSelect(CelExpr Operand, string Field, bool TestOnly) : CelExpr;

/// <summary>A function call, global (<c>size(x)</c>) or as a method (<c>x.startsWith('a')</c>).</summary>
internal sealed record CelCall(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args) : CelExpr;

internal sealed record CelIndex(CelExpr Operand, CelExpr Key) : CelExpr;

internal sealed record CelUnary(string Operator, CelExpr Operand) : CelExpr;

internal sealed record CelBinary(string Operator, CelExpr Left, CelExpr Right) : CelExpr;

internal sealed record CelConditional(CelExpr Condition, CelExpr Then, CelExpr Else) : CelExpr;

internal sealed record CelList(IReadOnlyList<CelExpr> Items) : CelExpr;

internal sealed record CelMapLiteral(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr;

/// <summary>The list macros: <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>.</summary>
internal sealed record CelComprehension(string Macro, CelExpr Range, string Variable, CelExpr Body, CelExpr? Transform) : CelExpr;
