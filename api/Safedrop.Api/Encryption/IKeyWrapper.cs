namespace Safedrop.Api.Encryption;

/// <summary>
/// Wraps keys the API keeps (package server secrets, data keys of server-readable objects) under the
/// Organization's key-encryption key. <c>context</c> binds a wrapped key to where it is used, so a
/// wrapped key copied to another record does not unwrap. Wrapped values name the key they were wrapped
/// under, so a rotated key-encryption key can rewrap them without touching the data they protect.
/// </summary>
public interface IKeyWrapper
{
    string Wrap(ReadOnlySpan<byte> key, string context);

    byte[] Unwrap(string wrapped, string context);

    /// <summary>True when <paramref name="wrapped"/> is under the current key-encryption key.</summary>
    bool IsCurrent(string wrapped);

    /// <summary>The same key wrapped under the current key-encryption key.</summary>
    string Rewrap(string wrapped, string context);
}
