namespace Safedrop.Api.Configuration;

/// <summary>Section <c>Safedrop:Local</c>: the folder local mode compiles and where it keeps its data.</summary>
public sealed class LocalModeOptions
{
    public const string SectionName = "Safedrop:Local";

    /// <summary>Where local mode listens unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Folder of tenant YAML, searched recursively; relative paths start at the current directory.</summary>
    public string? Folder { get; set; }

    /// <summary>The namespace to serve when the folder holds Organizations in several namespaces.</summary>
    public string? Namespace { get; set; }

    /// <summary>Where local mode keeps files and records (the local stand-in for object storage).</summary>
    public string DataFolder { get; set; } = ".local/data";

    /// <summary>Quiet time after a file event before the folder is read, so an editor's burst of writes is read once.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the folder's content hash is compared, in case file events are missed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
