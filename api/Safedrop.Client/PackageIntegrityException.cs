namespace Safedrop.Client;

/// <summary>
/// Downloaded data is not what the sender sealed: a part was altered, cut, swapped or belongs elsewhere. The file's
/// plaintext written so far must be discarded (downloads to a folder delete it themselves).
/// </summary>
public sealed class PackageIntegrityException : Exception
{
    public PackageIntegrityException()
        : base("A downloaded part failed authentication.")
    {
    }

    public PackageIntegrityException(string message)
        : base(message)
    {
    }

    public PackageIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
