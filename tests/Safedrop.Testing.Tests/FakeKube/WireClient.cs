using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>Raw HTTP against the fake, to check the wire format itself rather than a client's reading of it.</summary>
internal sealed class WireClient(FakeKubeServer server, string? token = "fake-kube-admin-token") : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(int Code, JsonObject Body)> SendAsync(string method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.UserAgent.ParseAdd("curl/8.5.0");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>A whole watch response (ended by timeoutSeconds), one JSON event per line.</summary>
    public async Task<List<JsonObject>> WatchAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
    }

    public Task<(int Code, JsonObject Body)> GetAsync(string path) => SendAsync("GET", path);

    public Task<(int Code, JsonObject Body)> PostAsync(string path, string body) => SendAsync("POST", path, body);

    public Task<(int Code, JsonObject Body)> PutAsync(string path, string body) => SendAsync("PUT", path, body);

    public Task<(int Code, JsonObject Body)> PatchAsync(string path, string body, string contentType) => SendAsync("PATCH", path, body, contentType);

    public Task<(int Code, JsonObject Body)> DeleteAsync(string path) => SendAsync("DELETE", path);

    public void Dispose() => http.Dispose();
}
