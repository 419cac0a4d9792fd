using System.Globalization;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Packages;

/// <summary>
/// The limits a new package must keep, from its Dropzone or, for a direct send, from <see cref="PackageOptions"/>.
/// Checked when the upload starts and again (sizes) when it completes; every violation is listed.
/// </summary>
public sealed record PackageLimits(int MaxFiles, long MaxFileSizeBytes, long MaxPackageSizeBytes, IReadOnlyList<string> AllowedExtensions)
{
    private const int MaxNameLength = 255;
    /// <summary>A sealed message of about 64 KiB of text, in base64url.</summary>
    public const int MaxSealedMessageLength = 96 * 1024;

    public static PackageLimits Of(CompiledDropzone dropzone)
    {
        ArgumentNullException.ThrowIfNull(dropzone);
        return new(dropzone.MaxFiles, dropzone.MaxFileSizeBytes, dropzone.MaxPackageSizeBytes, dropzone.AllowedExtensions);
    }

    public static PackageLimits Of(PackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.MaxFiles, options.MaxFileSizeBytes, options.MaxPackageSizeBytes, []);
    }

    /// <summary>Null when the request keeps every limit; otherwise the most specific problem, listing all violations.</summary>
    public ApiProblem? Check(CreatePackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<(string Type, int Status, string Message)>();
        var files = request.Files ?? [];
        if (files.Count == 0) violations.Add((ProblemTypes.InvalidPackage, 400, "A package needs at least one file."));
        if (files.Count > MaxFiles)
            violations.Add((ProblemTypes.TooManyFiles, 400, $"{files.Count} files; at most {MaxFiles} are accepted."));

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (NameProblem(file.Name) is { } nameProblem) violations.Add((ProblemTypes.InvalidPackage, 400, nameProblem));
            else if (!names.Add(file.Name)) violations.Add((ProblemTypes.InvalidPackage, 400, $"\"{file.Name}\" appears twice."));
            if (file.Size < 0) violations.Add((ProblemTypes.InvalidPackage, 400, $"\"{file.Name}\" has a negative size."));
            else if (file.Size > MaxFileSizeBytes)
                violations.Add((ProblemTypes.FileTooLarge, 413, $"\"{file.Name}\" has {Bytes(file.Size)}; the largest file accepted is {Bytes(MaxFileSizeBytes)}."));
            if (AllowedExtensions.Count > 0 && file.Name is { } name && !AllowedExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                violations.Add((ProblemTypes.FileTypeNotAllowed, 415, $"\"{name}\" is not of an accepted type ({string.Join(", ", AllowedExtensions)})."));
        }

        var total = files.Where(f => f.Size > 0).Sum(f => f.Size);
        if (total > MaxPackageSizeBytes)
            violations.Add((ProblemTypes.PackageTooLarge, 413, $"The files add up to {Bytes(total)}; at most {Bytes(MaxPackageSizeBytes)} are accepted in one package."));

        if (violations.Count == 0) return null;
        var (type, status, _) = violations[0];
        return new ApiProblem(status, type, "The package is not accepted", string.Join(" ", violations.Select(v => v.Message)))
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = violations.Select(v => new { type = v.Type, detail = v.Message }).ToList() },
        };
    }

    private static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Every file needs a name.";
        if (name.Length > MaxNameLength) return $"\"{name[..40]}…\" is longer than {MaxNameLength} characters.";
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl) || name is "." or "..")
            return $"\"{name}\" is not a plain file name.";
        return null;
    }

    /// <summary>Sizes as people read them (binary units, as the Dropzone YAML writes them).</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} bytes" : value.ToString(value % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
