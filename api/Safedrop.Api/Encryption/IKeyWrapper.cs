namespace Safedrop.Api.Encryption;

/// <summary>
/// Wraps keys the API keeps (package server secrets, data keys of server-readable objects) under the
/// Organization's key-encryption key. <paramref name="context"/> binds a wrapped key to where it is used,
/// so a wrapped key copied to another record does not unwrap.
/// </summary>
public interface IKeyWrapper
{
    string Wrap(ReadOnlySpan<byte> key, string context);

    byte[] Unwrap(string wrapped, string context);
}
