using System.Text.Json;

namespace Safedrop.Client.Api;

internal static class ApiJson
{
    /// <summary>The API's own defaults (camelCase, case-insensitive reading), so shapes match without attributes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
