using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>A wrapped keycode or data key could not be unwrapped: wrong key, unknown key id, wrong binding, or altered bytes.</summary>
public sealed class KeyUnwrapException : CryptographicException
{
    public KeyUnwrapException()
        : base("A wrapped key could not be unwrapped.")
    {
    }

    public KeyUnwrapException(string message)
        : base(message)
    {
    }

    public KeyUnwrapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
