namespace Safedrop.Operator.Tests.Verbs;

/// <summary>A folder of YAML files under the temp directory, removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safedrop-check-" + Guid.NewGuid().ToString("N"));

    public DirectoryInfo Info => new(Path);

    public TempFolder With(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
