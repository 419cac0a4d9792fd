using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// The folder tree of a Workspace in object storage: one small index record per file or folder under
/// <c>workspaces/{name}/tree/{parent hash}/{name hash}.json</c>, so listing a folder reads one prefix, and a
/// file's record maps its path to the sealed object holding its bytes. Renaming or moving a file rewrites only
/// its record: the sealed object stays, never re-encrypted or copied. Callers serialize changes with <see cref="WorkspaceLock"/>.
/// </summary>
public sealed class WorkspaceTree(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Prefix(string workspace) => $"workspaces/{workspace}/";

    /// <summary>A new, unique key for a file's sealed bytes.</summary>
    public static string NewObjectKey(string workspace) => $"workspaces/{workspace}/objects/{Guid.NewGuid():N}";

    public async Task<TreeEntry?> GetAsync(string workspace, WorkspacePath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IsRoot) return TreeEntry.RootFolder;
        await using var stream = await store.OpenReadAsync(EntryKey(workspace, path), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<TreeEntry>(stream, Json, cancellationToken);
    }

    public async Task SaveAsync(string workspace, TreeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, Json);
        using var content = new MemoryStream(bytes);
        await store.PutAsync(EntryKey(workspace, entry.WorkspacePath), content, bytes.Length, cancellationToken);
    }

    public Task RemoveAsync(string workspace, WorkspacePath path, CancellationToken cancellationToken) =>
        store.DeleteAsync(EntryKey(workspace, path), cancellationToken);

    /// <summary>The files and folders directly inside <paramref name="folder"/>.</summary>
    public async IAsyncEnumerable<TreeEntry> ListAsync(string workspace, WorkspacePath folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        await foreach (var item in store.ListAsync($"{Prefix(workspace)}tree/{folder.Hash()}/", cancellationToken))
        {
            await using var stream = await store.OpenReadAsync(item.Key, cancellationToken);
            if (stream is null) continue;
            if (await JsonSerializer.DeserializeAsync<TreeEntry>(stream, Json, cancellationToken) is { } entry) yield return entry;
        }
    }

    /// <summary>Every entry inside <paramref name="folder"/> at any depth, parents before their children.</summary>
    public async Task<IReadOnlyList<TreeEntry>> DescendantsAsync(string workspace, WorkspacePath folder, CancellationToken cancellationToken)
    {
        var result = new List<TreeEntry>();
        var pending = new Queue<WorkspacePath>([folder]);
        while (pending.TryDequeue(out var next))
        {
            await foreach (var entry in ListAsync(workspace, next, cancellationToken))
            {
                result.Add(entry);
                if (entry.Kind == EntryKind.Folder) pending.Enqueue(entry.WorkspacePath);
            }
        }
        return result;
    }

    /// <summary>The nearest ancestor of <paramref name="path"/> that is a file (so nothing can go below it), or null.</summary>
    public async Task<WorkspacePath?> BlockingFileAsync(string workspace, WorkspacePath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var ancestor in path.Ancestors())
        {
            if (await GetAsync(workspace, ancestor, cancellationToken) is { Kind: EntryKind.File }) return ancestor;
        }
        return null;
    }

    /// <summary>Creates every missing folder above <paramref name="path"/> (uploading "a/b/c.txt" makes "a" and "a/b").</summary>
    public async Task EnsureFoldersAsync(string workspace, WorkspacePath path, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var ancestor in path.Ancestors())
        {
            if (await GetAsync(workspace, ancestor, cancellationToken) is null)
                await SaveAsync(workspace, new TreeEntry(EntryKind.Folder, ancestor.Value, null, 0, now, actor), cancellationToken);
        }
    }

    private static string EntryKey(string workspace, WorkspacePath path) =>
        $"{Prefix(workspace)}tree/{path.Parent.Hash()}/{path.Hash()}.json";
}

public enum EntryKind
{
    File,
    Folder,
}

/// <summary>One file or folder. <see cref="ObjectKey"/> and <see cref="Size"/> are for files only.</summary>
public sealed record TreeEntry(
    EntryKind Kind,
    string Path,
    string? ObjectKey,
    long Size,
    DateTimeOffset ModifiedAt,
    string ModifiedBy)
{
    public static TreeEntry RootFolder { get; } = new(EntryKind.Folder, "", null, 0, DateTimeOffset.UnixEpoch, "");

    [JsonIgnore]
    public WorkspacePath WorkspacePath => WorkspacePath.Parse(Path, out _) ?? throw new InvalidDataException($"Stored path '{Path}' is not valid.");
}
