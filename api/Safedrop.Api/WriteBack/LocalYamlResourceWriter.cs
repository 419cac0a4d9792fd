using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.WriteBack.Yaml;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.WriteBack;

/// <summary>
/// Local mode's write-back: edits the YAML file of the tenant folder that declares the resource, only
/// where the spec changed (<see cref="YamlSpecEditor"/>), and replaces the file atomically (a hidden temp
/// file renamed over it). Writers in this process take turns per file; an edit made outside (an editor, a
/// `git pull`) between reading and writing is noticed by comparing the file once more just before the
/// rename, and the change is then reapplied to what is there now. The folder watcher
/// (<see cref="LocalFolderConfigSource"/>) then reloads and compiles the folder like any other edit.
/// </summary>
/// <remarks>
/// The comparison and the rename are two steps, so an outside edit landing in the microseconds between
/// them would still be overwritten; editors and Git write whole files, which this narrows to almost nothing.
/// </remarks>
public sealed class LocalYamlResourceWriter(
    IOptions<LocalModeOptions> options,
    TenantConfigStore store,
    ILogger<LocalYamlResourceWriter> logger) : IResourceWriter
{
    /// <summary>How often an update is retried when the file keeps changing under it.</summary>
    public const int MaxAttempts = 5;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FileLocks = new(StringComparer.Ordinal);

    private string Folder => options.Value.Folder ?? throw new InvalidOperationException("Safedrop:Local:Folder is not set.");

    private string Namespace => store.Current.Namespace is { Length: > 0 } served ? served : options.Value.Namespace ?? "default";

    public async Task<bool> UpdateAsync<T>(string name, Func<T, bool> change, CancellationToken cancellationToken)
        where T : class, ISafedropResource, new()
    {
        ArgumentNullException.ThrowIfNull(change);
        var kind = ResourceKinds.Of(typeof(T)).Kind;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (Find(kind, name) is not { } found) return false;
            var gate = FileLocks.GetOrAdd(found.File, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                var file = await ReadAsync(found.File, cancellationToken);
                if (Locate(file.Text, found.File, kind, name) is not { } located) continue; // Moved or renamed meanwhile: look again.

                var resource = (T)located.Resource;
                var before = ResourceDocuments.Spec(resource);
                if (!change(resource)) return true;
                ResourceDocuments.EnsureValid(resource);
                var after = ResourceDocuments.Spec(resource);
                if (JsonNode.DeepEquals(before, after)) return true;

                var text = Edit(file.Text, located.Root, before, after, found.File, kind, name);
                if (await ReplaceIfUnchangedAsync(found.File, file, text, cancellationToken))
                {
                    resource.Metadata.Generation = ExpectedGeneration(kind, name);
                    WriteBackLog.Wrote(logger, kind, name, found.File);
                    return true;
                }
            }
            finally
            {
                gate.Release();
            }

            WriteBackLog.Conflict(logger, kind, name, attempt);
        }

        throw new ResourceConflictException($"{kind} {name} kept changing while the API wrote it; try again.");
    }

    public async Task CreateAsync<T>(T resource, CancellationToken cancellationToken) where T : class, ISafedropResource, new()
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource.Metadata.Name ?? throw new ArgumentException("The resource has no name.", nameof(resource));
        resource.Metadata.NamespaceProperty ??= Namespace;
        ResourceDocuments.EnsureValid(resource);
        var info = ResourceKinds.Of(typeof(T));
        var path = Path.Combine(Folder, $"{info.Plural}-{name}.yaml");

        // One creator at a time in this folder, so two requests for one name cannot both pass the check.
        var gate = FileLocks.GetOrAdd(Folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Find(info.Kind, name) is not null || File.Exists(path))
                throw new ResourceConflictException($"A {info.Kind} named {name} exists already.");
            var text = YamlText.Document(ResourceDocuments.ForCreate(resource, Namespace));
            var temp = TempPathFor(path);
            await File.WriteAllTextAsync(temp, text, Utf8NoBom, cancellationToken);
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException e)
            {
                File.Delete(temp);
                throw new ResourceConflictException($"A {info.Kind} named {name} exists already.", e);
            }
        }
        finally
        {
            gate.Release();
        }

        resource.Metadata.Generation = 1;
        WriteBackLog.Created(logger, info.Kind, name, path);
    }

    public async Task<bool> DeleteAsync<T>(string name, Func<T, bool> allow, CancellationToken cancellationToken)
        where T : class, ISafedropResource, new()
    {
        ArgumentNullException.ThrowIfNull(allow);
        var kind = ResourceKinds.Of(typeof(T)).Kind;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (Find(kind, name) is not { } found) return false;
            var gate = FileLocks.GetOrAdd(found.File, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                var file = await ReadAsync(found.File, cancellationToken);
                var documents = YamlDocuments.Split(file.Text);
                var index = documents.FindIndex(d => Locate(d, found.File, kind, name) is not null);
                if (index < 0) continue; // Moved or renamed meanwhile: look again.
                if (!allow((T)Locate(documents[index], found.File, kind, name)!.Resource)) return true;

                documents.RemoveAt(index);
                var rest = ManifestReader.Read([new ManifestSource(found.File, string.Concat(documents))]);
                // A file that declared only this resource (and comments about it) goes with it.
                var removed = rest.Resources.Count == 0 && rest.Problems.Count == 0
                    ? await DeleteIfUnchangedAsync(found.File, file, cancellationToken)
                    : await ReplaceIfUnchangedAsync(found.File, file, string.Concat(documents), cancellationToken);
                if (removed)
                {
                    WriteBackLog.Deleted(logger, kind, name, found.File);
                    return true;
                }
            }
            finally
            {
                gate.Release();
            }

            WriteBackLog.Conflict(logger, kind, name, attempt);
        }

        throw new ResourceConflictException($"{kind} {name} kept changing while the API deleted it; try again.");
    }

    private sealed record FoundResource(string File);

    private sealed record FileContent(byte[] Bytes, string Text, bool Bom);

    private sealed record LocatedDocument(ISafedropResource Resource, YamlMappingNode Root);

    /// <summary>The file of the folder that declares kind/name in the served namespace.</summary>
    private FoundResource? Find(string kind, string name)
    {
        var snapshot = new ManifestFolder(Folder).Read();
        var manifests = ManifestReader.Read(snapshot.Sources);
        var loaded = manifests.Resources.FirstOrDefault(r => Matches(r.Resource, kind, name));
        return loaded is null ? null : new FoundResource(Path.GetFullPath(loaded.Location.Path));
    }

    private bool Matches(ISafedropResource resource, string kind, string name) =>
        resource.Kind == kind && resource.Metadata.Name == name && (resource.Metadata.NamespaceProperty ?? "default") == Namespace;

    /// <summary>The typed resource and the YAML tree of its document in this exact text.</summary>
    private LocatedDocument? Locate(string text, string file, string kind, string name)
    {
        var loaded = ManifestReader.Read([new ManifestSource(file, text)]).Resources
            .FirstOrDefault(r => Matches(r.Resource, kind, name));
        if (loaded is null) return null;

        foreach (var document in YamlTree.Parse(text))
        {
            if (document.Root is not YamlMappingNode root) continue;
            var metadata = root.Find("metadata")?.Value as YamlMappingNode;
            if ((root.Find("kind")?.Value as YamlScalarNode)?.Value != kind) continue;
            if ((metadata?.Find("name")?.Value as YamlScalarNode)?.Value != name) continue;
            var @namespace = (metadata?.Find("namespace")?.Value as YamlScalarNode)?.Value;
            if ((string.IsNullOrEmpty(@namespace) ? "default" : @namespace) != Namespace) continue;
            if (document.UsesAnchors)
                throw new InvalidOperationException($"{kind} {name} in {ManifestFolder.DisplayPath(file)} uses YAML anchors or aliases, which write-back does not edit; remove them to manage it through the API.");
            return new LocatedDocument(loaded.Resource, root);
        }

        return null;
    }

    /// <summary>Field-by-field first; when that does not read back exactly as intended, the whole spec value.</summary>
    private string Edit(string text, YamlMappingNode root, JsonObject before, JsonObject after, string file, string kind, string name)
    {
        var fine = YamlSpecEditor.Apply(text, root, before, after);
        if (ReadsBackAs(fine, file, kind, name, after)) return fine;

        WriteBackLog.RewroteWholeSpec(logger, kind, name, file);
        var whole = YamlSpecEditor.Apply(text, root, before, after, fine: false);
        return ReadsBackAs(whole, file, kind, name, after)
            ? whole
            : throw new InvalidOperationException($"Could not write {kind} {name} back to {ManifestFolder.DisplayPath(file)}: the edited YAML does not read back as the intended spec.");
    }

    private bool ReadsBackAs(string text, string file, string kind, string name, JsonObject spec)
    {
        try
        {
            return Locate(text, file, kind, name) is { } located && JsonNode.DeepEquals(ResourceDocuments.Spec(located.Resource), spec);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return false;
        }
    }

    private static async Task<FileContent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        return new FileContent(bytes, Utf8NoBom.GetString(bom ? bytes[3..] : bytes), bom);
    }

    /// <summary>Writes a hidden temp file beside the original and renames it over the original, unless the original changed since it was read.</summary>
    private static async Task<bool> ReplaceIfUnchangedAsync(string path, FileContent read, string text, CancellationToken cancellationToken)
    {
        var encoded = Utf8NoBom.GetBytes(text);
        var bytes = read.Bom ? [.. Encoding.UTF8.Preamble, .. encoded] : encoded;
        var temp = TempPathFor(path);
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        try
        {
            if (!(await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(read.Bytes)) return false;
            File.Move(temp, path, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static async Task<bool> DeleteIfUnchangedAsync(string path, FileContent read, CancellationToken cancellationToken)
    {
        if (!(await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(read.Bytes)) return false;
        File.Delete(path);
        return true;
    }

    /// <summary>Hidden (the folder reader skips dot files) and in the same directory, so the rename stays on one file system.</summary>
    private static string TempPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    /// <summary>Local mode counts generations like the API server: one more than in force now, since the spec changed.</summary>
    private long ExpectedGeneration(string kind, string name) =>
        (store.Current.Resources.FirstOrDefault(r => r.Kind == kind && r.Name == name)?.Generation ?? 0) + 1;
}
