using Safedrop.Crypto;

namespace Safedrop.Api.Encryption;

/// <summary><see cref="IKeyWrapper"/> over format v1's data-key wrapping (docs/encryption.md), in base64url.</summary>
public sealed class KekKeyWrapper(KeyEncryptionKeys keys) : IKeyWrapper
{
    private readonly DataKeyWrapper wrapper = new(keys.Current, keys.Previous);

    public string Wrap(ReadOnlySpan<byte> key, string context) => Base64Url.Encode(wrapper.Wrap(key, context));

    public byte[] Unwrap(string wrapped, string context) => wrapper.Unwrap(Base64Url.Decode(wrapped), context);

    public bool IsCurrent(string wrapped) => wrapper.IsCurrent(Base64Url.Decode(wrapped));

    public string Rewrap(string wrapped, string context) => Base64Url.Encode(wrapper.Rewrap(Base64Url.Decode(wrapped), context));
}
