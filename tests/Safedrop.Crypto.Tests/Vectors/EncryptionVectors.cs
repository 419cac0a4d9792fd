namespace Safedrop.Crypto.Tests.Vectors;

// The shape of tests/vectors/encryption-v1.json. Binary values are unpadded base64url except Kek (standard base64,
// as the Organization's Secret holds it). tests/vectors/check-js.mjs reads the same shape.

internal sealed record EncryptionVectors(
    string Format,
    string Description,
    VectorInputs Inputs,
    DerivedKeys Derived,
    IReadOnlyList<PartVector> Parts,
    IReadOnlyList<PartVector> PartsThatMustFail,
    DeviceKeyWrapVector DeviceKeyWrap,
    DataKeyWrapVector DataKeyWrap);

internal sealed record VectorInputs(string Keycode, string ServerSecret, string PackageId, string FileId);

internal sealed record DerivedKeys(string Verifier, string VerifierHash, string FileKey, string MessageKey);

/// <summary>One sealed part with everything needed to open it; Nonce and Plaintext are absent for parts that must fail.</summary>
internal sealed record PartVector(
    string Name,
    string Key,
    string PackageId,
    string FileId,
    long Index,
    bool IsLast,
    string Sealed,
    string? Nonce = null,
    string? Plaintext = null);

internal sealed record DeviceKeyWrapVector(
    string Keycode,
    string PackageId,
    string RecipientPrivateKeyPkcs8,
    string RecipientPublicKeySpki,
    string EphemeralPrivateKeyPkcs8,
    string EphemeralPublicKeyRaw,
    string Nonce,
    string SharedSecret,
    string WrapKey,
    string Wrapped,
    string WrongPackageIdMustFail);

internal sealed record DataKeyWrapVector(
    string Kek,
    string KeyId,
    string ObjectKey,
    string DataKey,
    string Nonce,
    string Wrapped,
    string WrongObjectKeyMustFail);
