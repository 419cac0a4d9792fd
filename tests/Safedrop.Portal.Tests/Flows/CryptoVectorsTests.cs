using System.Text.Json;
using Microsoft.Playwright;
using Safedrop.Testing;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>
/// The portal's WebCrypto port of format v1 agrees with Safedrop.Crypto in chromium itself: the known-answer
/// vectors and the round trips of tests/vectors/check-js.mjs, run on a page of the portal's origin.
/// </summary>
public sealed class CryptoVectorsTests(Hosting.PortalHost host)
{
    private const string TestPath = "/__vector-check/";

    [Fact]
    public async Task Should_ReportNoFailures_When_TheKnownAnswerVectorsRunInChromium()
    {
        var vectors = Path.Combine(RepositoryPaths.Root, "tests", "vectors");
        await using var page = await host.NewPageAsync();
        // Served by the test, never by the API: the page imports the portal's own /js/safedrop-crypto.js.
        await page.Page.RouteAsync($"**{TestPath}**", route =>
        {
            var name = new Uri(route.Request.Url).AbsolutePath[TestPath.Length..];
            return name switch
            {
                "index.html" => route.FulfillAsync(new() { ContentType = "text/html", Body = Html }),
                "run.mjs" => route.FulfillAsync(new() { ContentType = "text/javascript", Body = Runner }),
                "check-js.mjs" => route.FulfillAsync(new() { ContentType = "text/javascript", Path = Path.Combine(vectors, "check-js.mjs") }),
                "encryption-v1.json" => route.FulfillAsync(new() { ContentType = "application/json", Path = Path.Combine(vectors, "encryption-v1.json") }),
                _ => route.FulfillAsync(new() { Status = 404 }),
            };
        });

        await page.GotoAsync(TestPath + "index.html");
        await page.Page.WaitForFunctionAsync("() => window.vectorResult !== undefined", null, new() { Timeout = 30_000 });
        var result = JsonDocument.Parse(await page.Page.EvaluateAsync<string>("() => JSON.stringify(window.vectorResult)")).RootElement;

        Assert.True(result.GetProperty("parts").GetInt32() > 0, "The vectors file held no parts.");
        Assert.True(result.GetProperty("mustFail").GetInt32() > 0, "The vectors file held no parts that must fail.");
        Assert.Empty(result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(page.Errors);
    }

    private const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Vectors</title>
        <script type="module" src="run.mjs"></script></head><body><pre id="result">running</pre></body></html>
        """;

    private const string Runner = """
        import * as sd from '/js/safedrop-crypto.js';
        import { checkVectors, checkRoundTrips } from './check-js.mjs';

        try {
          const vectors = await (await fetch('./encryption-v1.json')).json();
          const failures = [...(await checkVectors(vectors, sd)), ...(await checkRoundTrips(sd))];
          window.vectorResult = { parts: vectors.parts.length, mustFail: vectors.partsThatMustFail.length, failures };
        } catch (e) {
          window.vectorResult = { parts: 0, mustFail: 0, failures: [`threw ${e && e.name}: ${e && e.message}`] };
        }
        document.getElementById('result').textContent = JSON.stringify(window.vectorResult, null, 2);
        """;
}
