using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary>The FILE... argument of send and upload, and the progress line they share.</summary>
internal static class FileArguments
{
    public static Argument<FileInfo[]> Create() => new("FILE")
    {
        Description = "Files to send.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static List<UploadFile> Open(FileInfo[] files)
    {
        var missing = files.Where(f => !f.Exists).Select(f => f.FullName).ToList();
        if (missing.Count > 0) throw new UsageException("No such file: " + string.Join(", ", missing));
        return [.. files.Select(f => UploadFile.FromPath(f.FullName))];
    }
}
