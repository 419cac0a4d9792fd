namespace Safedrop.Testing.FakeKube.Cel;

/// <summary>A CEL rule failed to compile or to evaluate (no such key, no such overload, overflow...).</summary>
internal sealed class CelException(string message) : Exception(message);
