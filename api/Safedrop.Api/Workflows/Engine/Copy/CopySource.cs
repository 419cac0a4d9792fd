namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>One file to copy: its name, its plaintext size and how to open its plaintext.</summary>
/// <param name="Id">Unique within the event (a package's file id, or the Workspace path).</param>
public sealed record CopySource(string Id, string Name, long Size, Func<CancellationToken, Task<Stream>> OpenAsync);
