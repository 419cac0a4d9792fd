namespace Safedrop.Client;

/// <summary>
/// A file to send: a name, its exact plaintext length and a way to read it. Uploads read the stream once in order;
/// resuming skips to the missing parts, by seeking when the stream can, else by reading past what is already stored.
/// The stream is not disposed by the client unless it came from <see cref="FromPath"/>.
/// </summary>
public sealed class UploadFile
{
    private readonly Func<Stream> open;

    public UploadFile(string name, long length, Func<Stream> open, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(open);
        Name = name;
        Length = length;
        this.open = open;
        ContentType = contentType;
    }

    public string Name { get; }

    public long Length { get; }

    public string? ContentType { get; }

    internal bool OwnsStream { get; private init; }

    public static UploadFile FromPath(string path, string? contentType = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"No such file: {path}", path);
        return new UploadFile(info.Name, info.Length, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan), contentType)
        {
            OwnsStream = true,
        };
    }

    /// <summary>
    /// A file over a stream the caller owns, read from its current position. A seekable stream is put back there for
    /// every (resumed) upload; a forward-only one cannot be resumed.
    /// </summary>
    public static UploadFile FromStream(string name, Stream content, long length, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : 0;
        return new(name, length, () =>
        {
            if (content.CanSeek) content.Position = start;
            return content;
        }, contentType);
    }

    internal Stream Open() => open();
}
