using System.Reflection;
using Safedrop.Api.Http;

namespace Safedrop.Api.OpenApi;

/// <summary>Every stable problem <c>type</c> the API answers with, read from <see cref="ProblemTypes"/> so the document can never miss one.</summary>
public static class ProblemTypeCatalog
{
    public static IReadOnlyList<string> All { get; } = [.. typeof(ProblemTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(ProblemTypes.Prefix))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)];
}
