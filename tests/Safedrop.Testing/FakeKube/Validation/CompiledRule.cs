using Safedrop.Testing.FakeKube.Cel;

namespace Safedrop.Testing.FakeKube.Validation;

/// <summary>One <c>x-kubernetes-validations</c> entry, compiled.</summary>
internal sealed record CompiledRule(CelProgram Program, string Message, string? FieldPath, string? Reason);
