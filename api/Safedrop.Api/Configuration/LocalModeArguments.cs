namespace Safedrop.Api.Configuration;

/// <summary>
/// Turns the README's <c>--local &lt;folder&gt;</c> into configuration keys, so every other setting
/// keeps the usual ASP.NET Core command-line form (<c>--urls</c>, <c>--Safedrop:Local:Namespace=acme</c>).
/// </summary>
public static class LocalModeArguments
{
    public const string Switch = "--local";

    public static string[] Expand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var expanded = new List<string>(args.Length + 1);
        for (var i = 0; i < args.Length; i++)
        {
            string folder;
            if (args[i] == Switch)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new ArgumentException("--local needs a folder: --local <folder of tenant YAML>.", nameof(args));
                folder = args[++i];
            }
            else if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal))
            {
                folder = args[i][(Switch.Length + 1)..];
            }
            else
            {
                expanded.Add(args[i]);
                continue;
            }

            expanded.Add($"--{SafedropOptions.SectionName}:{nameof(SafedropOptions.Mode)}={SafedropMode.Local}");
            expanded.Add($"--{LocalModeOptions.SectionName}:{nameof(LocalModeOptions.Folder)}={folder}");
        }

        return [.. expanded];
    }
}
