using System.Net;
using System.Text.Json;

namespace Safedrop.Client.Api;

/// <summary>Reads RFC 9457 problem details, or makes a problem of a bare status (proxies, S3 XML errors).</summary>
internal static class ProblemReader
{
    public static async Task<SafedropApiException> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase) && text.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement.Clone();
                if (root.ValueKind == JsonValueKind.Object)
                {
                    return new SafedropApiException(status, String(root, "type") ?? Fallback(status), String(root, "title") ?? status.ToString(),
                        String(root, "detail"), root);
                }
            }
            catch (JsonException)
            {
                // Not a problem document after all: fall through to the bare status.
            }
        }

        return new SafedropApiException(status, Fallback(status), $"{(int)status} {response.ReasonPhrase}", $"{what} failed with HTTP {(int)status}.", null);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Fallback(HttpStatusCode status) => SafedropApiException.ProblemPrefix + (int)status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        413 => "payload-too-large",
        429 => "too-many-requests",
        >= 500 => "internal-error",
        _ => "error",
    };
}
