using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// A sealed part did not authenticate under the expected key, package, file, index and last-part flag: it was
/// altered, truncated, swapped, reordered, or belongs elsewhere. Callers must discard any plaintext of the file.
/// </summary>
public sealed class PartAuthenticationException : CryptographicException
{
    public PartAuthenticationException()
        : base("A sealed part failed authentication.")
    {
    }

    public PartAuthenticationException(string message)
        : base(message)
    {
    }

    public PartAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
