using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Safedrop.Client.Api;

/// <summary>
/// JSON calls to the API with the bearer credential, turning problem details into <see cref="SafedropApiException"/>,
/// and the choice of HttpClient for transfer URLs: the API's own streaming URLs go through the API client, anything
/// else (presigned S3) through a plain client that never carries the bearer credential.
/// </summary>
internal sealed class ApiConnection(HttpClient api, HttpClient storage)
{
    public Uri BaseAddress { get; } = api.BaseAddress is { } address
        ? new Uri(address.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
        : throw new ArgumentException("The API HttpClient needs a BaseAddress.", nameof(api));

    public HttpClient Api => api;

    /// <summary>A session token or an API key (<c>sdk_…</c>); both travel as <c>Authorization: Bearer</c>.</summary>
    public string? BearerToken { get; set; }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
            ?? throw new SafedropApiException($"The API answered {method} {path} with an empty body.");
    }

    public async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
    }

    /// <summary>The client a transfer URL goes through, and whether it is the API itself.</summary>
    public HttpClient ClientFor(Uri url) => IsApiUrl(url) ? api : storage;

    public bool IsApiUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri
            && Uri.Compare(url, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && url.AbsolutePath.StartsWith(BaseAddress.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path.TrimStart('/')));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (BearerToken is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        var response = await api.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await ProblemReader.ReadAsync(response, $"{method} {request.RequestUri!.AbsolutePath}", cancellationToken);
        }
    }
}
