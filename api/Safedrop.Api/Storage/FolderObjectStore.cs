using System.Runtime.CompilerServices;

namespace Safedrop.Api.Storage;

/// <summary>
/// Local mode's object store: one file per object under a folder. Writes go to a temporary file that is
/// renamed into place, so a reader never sees half an object and a failed write leaves the old one.
/// </summary>
public sealed class FolderObjectStore(string root, TimeProvider time) : IObjectStore
{
    private const string TemporarySuffix = ".partial";
    private readonly string root = Path.GetFullPath(root);

    public Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        return Task.CompletedTask;
    }

    public async Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                if (file.Length != length)
                    throw new InvalidDataException($"Object {key}: expected {length} bytes, received {file.Length}.");
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? InfoOf(key, file) : null);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        // The deepest folder wholly inside the prefix; files under it are then filtered by the full prefix.
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? root : PathOf(prefix[..slash]);
        if (!Directory.Exists(folder)) yield break;
        var keys = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            .Select(path => (Path: path, Key: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal);
        foreach (var (path, key) in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(path);
            if (file.Exists) yield return InfoOf(key, file);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }
        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    /// <summary>Object stores have no folders: one whose last object went away goes too, as it would from a listing.</summary>
    private void RemoveEmptyFolders(string folder)
    {
        for (; folder.Length > root.Length && folder.StartsWith(root, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder)!)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any()) return;
                Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A concurrent write into the folder wins; the folder simply stays.
                return;
            }
        }
    }

    /// <summary>A folder is never reachable from outside: transfers stream through the API.</summary>
    public Task<Uri?> PresignAsync(string key, TransferDirection direction, TimeSpan expiry, CancellationToken cancellationToken) =>
        Task.FromResult<Uri?>(null);

    private ObjectInfo InfoOf(string key, FileInfo file) =>
        new(key, file.Length, file.LastWriteTimeUtc == default ? time.GetUtcNow() : new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));

    private string PathOf(string key)
    {
        ObjectKeys.EnsureValid(key);
        var path = Path.GetFullPath(Path.Combine(root, key));
        // ObjectKeys refuses '..' already; this keeps a bug elsewhere from ever escaping the folder.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Object key {key} leaves the data folder.", nameof(key));
        return path;
    }
}
