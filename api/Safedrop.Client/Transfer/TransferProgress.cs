namespace Safedrop.Client.Transfer;

/// <summary>Plaintext bytes of one file moved so far (counted per finished part).</summary>
public readonly record struct TransferProgress(string FileName, long BytesTransferred, long TotalBytes);
