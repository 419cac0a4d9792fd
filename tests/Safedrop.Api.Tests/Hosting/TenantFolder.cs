namespace Safedrop.Api.Tests.Hosting;

/// <summary>A temporary folder of tenant YAML, deleted afterwards.</summary>
public sealed class TenantFolder : IDisposable
{
    private TenantFolder(string path) => Path = path;

    public string Path { get; }

    public static TenantFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safedrop-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TenantFolder(path);
    }

    /// <summary>A folder holding one valid Enterprise tenant: <see cref="TenantYaml.Organization"/> and a Dropzone owned by a registered user.</summary>
    public static TenantFolder WithSmallTenant()
    {
        var folder = Create();
        folder.Write("organization.yaml", TenantYaml.Organization());
        folder.Write("dropzone.yaml", TenantYaml.Dropzone(owner: TenantYaml.RegisteredUser));
        return folder;
    }

    public string Write(string relativePath, string yaml)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, yaml);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
