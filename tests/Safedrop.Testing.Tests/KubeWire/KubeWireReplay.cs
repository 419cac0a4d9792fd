using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing.Tests.KubeWire;

/// <summary>What the fake answered to one recorded request.</summary>
public sealed record ReplayedExchange(HttpExchange Recorded, int StatusCode, IReadOnlyList<JsonNode> ResponseValues, IReadOnlyList<string> MovementErrors);

/// <summary>
/// Replays every recorded request, in file order, against one fresh fake, as the story they tell
/// (CRD → namespace → Dropzone → ... → unauthenticated → not found). Recorded resourceVersions in
/// requests are translated to the fake's, and how each object's resourceVersion moves is checked
/// against how it moved on the real server.
/// </summary>
public sealed partial class KubeWireReplay : IAsyncLifetime
{
    private readonly Dictionary<string, string> versionMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Recorded, string Actual)> lastVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplayedExchange> results = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ReplayedExchange> Results => results;

    public async ValueTask InitializeAsync()
    {
        // Bookmarks come about once a minute on a real server: none is due within the recorded 2 s watch.
        await using var server = await FakeKubeServer.StartAsync(new FakeKubeOptions { BookmarkInterval = TimeSpan.FromMinutes(1) });
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var token = server.ClientConfiguration.AccessToken;
        foreach (var exchange in KubeWireFiles.Load())
        {
            using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), Translate(exchange.Path));
            request.Headers.UserAgent.ParseAdd("curl/8.5.0");
            if (!exchange.Name.Contains("unauthenticated", StringComparison.Ordinal))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (exchange.Body.Length > 0)
                request.Content = new StringContent(exchange.Body, Encoding.UTF8, MediaTypeHeaderValue.Parse(exchange.ContentType ?? "application/json"));
            using var response = await http.SendAsync(request);
            var values = HttpExchange.ReadValues(await response.Content.ReadAsStringAsync());
            var movement = exchange.IsWatch ? [] : TrackVersions(exchange.ResponseValues, values);
            results[exchange.Name] = new ReplayedExchange(exchange, (int)response.StatusCode, values, movement);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A recorded resourceVersion in a query means the version the fake gave the same object.</summary>
    private string Translate(string path) => ResourceVersionParameter().Replace(path, m =>
        versionMap.TryGetValue(m.Groups[1].Value, out var actual) ? "resourceVersion=" + actual : m.Value);

    private List<string> TrackVersions(IReadOnlyList<JsonNode> recorded, IReadOnlyList<JsonNode> actual)
    {
        var errors = new List<string>();
        if (recorded is not [JsonObject rec] || actual is not [JsonObject act]) return errors;
        if (rec["items"] is JsonArray recItems && act["items"] is JsonArray actItems)
        {
            Map(rec["metadata"]?["resourceVersion"], act["metadata"]?["resourceVersion"]);
            foreach (var (r, a) in recItems.Zip(actItems)) Track(r as JsonObject, a as JsonObject, errors);
        }
        else if (rec["kind"]?.GetValue<string>() != "Status")
        {
            Track(rec, act, errors);
        }

        return errors;
    }

    private void Track(JsonObject? recorded, JsonObject? actual, List<string> errors)
    {
        var recordedVersion = recorded?["metadata"]?["resourceVersion"]?.GetValue<string>();
        var actualVersion = actual?["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (recordedVersion is null || actualVersion is null) return;
        Map(recorded!["metadata"]!["resourceVersion"], actual!["metadata"]!["resourceVersion"]);
        var identity = $"{recorded["kind"]}/{recorded["metadata"]?["namespace"]}/{recorded["metadata"]?["name"]}";
        if (lastVersions.TryGetValue(identity, out var last))
        {
            var recordedMoved = last.Recorded != recordedVersion;
            var actualMoved = last.Actual != actualVersion;
            if (recordedMoved != actualMoved)
                errors.Add($"{identity}: resourceVersion {(recordedMoved ? "moved" : "stayed")} on the real server but {(actualMoved ? "moved" : "stayed")} on the fake");
        }

        lastVersions[identity] = (recordedVersion, actualVersion);
    }

    private void Map(JsonNode? recorded, JsonNode? actual)
    {
        if (recorded is not null && actual is not null) versionMap.TryAdd(recorded.GetValue<string>(), actual.GetValue<string>());
    }

    [GeneratedRegex(@"resourceVersion=(\d+)")]
    private static partial Regex ResourceVersionParameter();
}
