namespace Safedrop.Testing;

/// <summary>
/// s3rver 3.7.1 writes its XML answers (bucket and object listings among them) under the namespace
/// <c>http://doc.s3.amazonaws.com/2006-03-01/</c>; S3 clients such as the Minio SDK read the S3 one,
/// <c>http://s3.amazonaws.com/doc/2006-03-01/</c>, find no element they know and list nothing.
/// This rewrites the installed module's controllers; applying it twice changes nothing.
/// </summary>
public static class S3rverNamespaceFix
{
    public const string WrongNamespace = "http://doc.s3.amazonaws.com/2006-03-01/";
    public const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>Fixes the controllers under <paramref name="s3rverModuleDirectory"/>; returns how many files changed.</summary>
    public static int Apply(string s3rverModuleDirectory)
    {
        var controllers = Path.Combine(s3rverModuleDirectory, "lib", "controllers");
        if (!Directory.Exists(controllers))
        {
            throw new DirectoryNotFoundException($"No s3rver controllers at {controllers}; is s3rver installed there?");
        }

        var changed = 0;
        foreach (var file in Directory.EnumerateFiles(controllers, "*.js"))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains(WrongNamespace, StringComparison.Ordinal)) continue;

            // Write beside and rename over: a node process loading the module never sees half a file.
            var staging = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(staging, text.Replace(WrongNamespace, S3Namespace, StringComparison.Ordinal));
            File.Move(staging, file, overwrite: true);
            changed++;
        }

        return changed;
    }
}
