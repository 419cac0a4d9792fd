using System.Collections.Concurrent;
using Safedrop.Api.Http;
using Safedrop.Api.Workspaces.Sharing;

namespace Safedrop.Api.Tests.Workspaces.Sharing;

/// <summary>
/// Workspace files for web-link tests, in memory: stands in for the Workspace file services, so these tests hold
/// the link's own rules (token, expiry, revocation, folder, permission, audit) independently of storage.
/// </summary>
internal sealed class InMemoryWebLinkFiles : IWebLinkFiles
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string By)> files = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string path, byte[] bytes) => files[path] = (bytes, "test");

    public byte[]? Bytes(string path) => files.TryGetValue(path, out var file) ? file.Bytes : null;

    public string? UploadedBy(string path) => files.TryGetValue(path, out var file) ? file.By : null;

    public Task<Outcome<WebLinkEntry>> FindAsync(string workspace, string path, CancellationToken cancellationToken)
    {
        Outcome<WebLinkEntry> found = path.Length == 0 || files.Keys.Any(k => k.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase))
            ? Folder(path)
            : files.TryGetValue(path, out var file) ? File(path, file.Bytes.Length) : NotFound(path);
        return Task.FromResult(found);
    }

    public Task<Outcome<IReadOnlyList<WebLinkEntry>>> ListAsync(string workspace, string folder, CancellationToken cancellationToken)
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var children = files.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[prefix.Length..])
            .Select(rest => rest.Contains('/', StringComparison.Ordinal) ? Folder(prefix + rest[..rest.IndexOf('/', StringComparison.Ordinal)]) : File(prefix + rest, files[prefix + rest].Bytes.Length))
            .DistinctBy(e => e.Path)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<Outcome<IReadOnlyList<WebLinkEntry>>>(children);
    }

    public Task<Outcome<LinkDownload>> DownloadAsync(string workspace, string path, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<LinkDownload>>(files.TryGetValue(path, out var file)
            ? new LinkDownload(path.Split('/')[^1], file.Bytes.Length, new MemoryStream(file.Bytes))
            : NotFound(path));

    public async Task<Outcome<WebLinkEntry>> UploadAsync(string workspace, string path, Stream body, long? length, string uploadedBy, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        files[path] = (buffer.ToArray(), uploadedBy);
        return File(path, buffer.Length);
    }

    private static WebLinkEntry Folder(string path) => new(path.Split('/')[^1], path, "folder", 0, DateTimeOffset.UnixEpoch);

    private static WebLinkEntry File(string path, long size) => new(path.Split('/')[^1], path, "file", size, DateTimeOffset.UnixEpoch);

    private static ApiProblem NotFound(string path) => new(404, ProblemTypes.NotFound, "Not found", $"There is no file or folder '{path}'.");
}
