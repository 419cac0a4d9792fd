namespace Safedrop.Client;

/// <summary>Where a downloaded file may be written: its own name only (no paths from the sender), never over an existing file.</summary>
internal static class LocalFileNames
{
    public static string Free(string folder, string name)
    {
        var safe = Safe(name);
        var stem = Path.GetFileNameWithoutExtension(safe);
        var extension = Path.GetExtension(safe);
        var candidate = Path.Combine(folder, safe);
        for (var n = 1; File.Exists(candidate) || File.Exists(candidate + ".safedrop-partial"); n++)
            candidate = Path.Combine(folder, $"{stem} ({n}){extension}");
        return candidate;
    }

    /// <summary>A sender chooses file names: strip directories and characters that could escape the folder.</summary>
    internal static string Safe(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        file = new string([.. file.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        return file is "" or "." or ".." ? "file" : file;
    }
}
