namespace Safedrop.Testing.FakeKube.Cel;

internal enum CelTokenKind
{
    Identifier,
    Int,
    UInt,
    Double,
    String,
    Punctuation,
    End,
}

/// <summary>One lexical token of a CEL expression; <see cref="Value"/> holds the literal's value.</summary>
internal sealed record CelToken(CelTokenKind Kind, string Text, object? Value, int Position)
{
    public bool Is(string punctuation) => Kind == CelTokenKind.Punctuation && Text == punctuation;

    public bool IsKeyword(string word) => Kind == CelTokenKind.Identifier && Text == word;
}
