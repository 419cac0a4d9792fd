using k8s.Models;

namespace Safedrop.Testing.FakeKube;

/// <summary>
/// A caller the fake knows by bearer token. <see cref="Rules"/> null allows everything; otherwise a request
/// not covered by one of the rules is refused with 403 Forbidden, as RBAC would.
/// </summary>
public sealed record FakeKubeUser(string Name, string Token, IReadOnlyList<V1PolicyRule>? Rules);
