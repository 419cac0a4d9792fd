using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Safedrop.Portal.Tests.Browser;

/// <summary>
/// A page of the portal in its own browser context (its own cookies). Records every request the page
/// makes and every script error, so a test can assert what left the browser and that no script failed
/// (a CSP refusal shows up as a console error).
/// </summary>
public sealed class PortalPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<Task<RecordedRequest>> requests = new();
    private readonly ConcurrentQueue<string> errors = new();

    public PortalPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Request += (_, request) => requests.Enqueue(RecordAsync(request));
        page.PageError += (_, error) => errors.Enqueue("page error: " + error);
        page.Console += (_, message) =>
        {
            // Chromium logs every 4xx answer as a failed resource load; the portal expects 401 and 403 answers.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                errors.Enqueue("console error: " + message.Text);
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Script errors and console errors so far (CSP refusals included).</summary>
    public IReadOnlyList<string> Errors => [.. errors];

    /// <summary>Every request the page made so far, with headers and body as sent.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync() => await Task.WhenAll(requests);

    public Task GotoAsync(string path) => Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), FullPage = true });
    }

    public ILocator Locate(string selector) => Page.Locator(selector);

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private static async Task<RecordedRequest> RecordAsync(IRequest request)
    {
        // The headers as sent (cookies included), not only those the page set; a request whose page is
        // already gone still has the headers the page set.
        IReadOnlyDictionary<string, string> headers;
        try
        {
            headers = await request.AllHeadersAsync();
        }
        catch (PlaywrightException)
        {
            headers = request.Headers;
        }

        return new RecordedRequest(request.Method, request.Url, headers, request.PostDataBuffer);
    }
}
