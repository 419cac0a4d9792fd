using System.CommandLine;

namespace Safedrop.Client.Cli;

/// <summary>Options every verb takes.</summary>
internal static class CommonOptions
{
    public static readonly Option<Uri> Server = new("--server")
    {
        Description = "The Safedrop server, e.g. https://safedrop.acme.example (default: $SAFEDROP_SERVER, else the signed-in one).",
        Recursive = true,
        CustomParser = result => Uri.TryCreate(result.Tokens[^1].Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : ParseError(result, "--server must be an http(s) URL."),
    };

    public static readonly Option<string> ApiKey = new("--api-key")
    {
        Description = "An API key (sdk_…) to use instead of the stored session (default: $SAFEDROP_API_KEY).",
        Recursive = true,
    };

    private static Uri ParseError(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null!;
    }
}
