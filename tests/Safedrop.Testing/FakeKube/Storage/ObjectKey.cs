using Safedrop.Testing.FakeKube.Discovery;

namespace Safedrop.Testing.FakeKube.Storage;

/// <summary>Where one object is stored; <see cref="Namespace"/> is empty for cluster-scoped objects.</summary>
internal sealed record ObjectKey(StorageResource Resource, string Namespace, string Name);
