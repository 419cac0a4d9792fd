namespace Safedrop.Crypto;

/// <summary>
/// One sealed part as <see cref="PartStreams.SealPartsAsync"/> yields it. <see cref="Sealed"/> is a view of a pooled
/// buffer: valid until the enumeration moves on, so upload or copy it before asking for the next part.
/// </summary>
public readonly record struct SealedPart(long Index, bool IsLast, int PlaintextLength, ReadOnlyMemory<byte> Sealed);
