using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safedrop.Portal.Tests.Browser;
using Safedrop.Testing;

namespace Safedrop.Portal.Tests.Hosting;

/// <summary>
/// What every portal test needs, started once per run: the API in local mode on a real port with the
/// <see cref="PortalTenant"/>, and one headless Debian chromium driven by Playwright. Each test opens its
/// own browser contexts (separate cookies), so tests never share a session.
/// </summary>
public sealed partial class PortalHost : IAsyncLifetime
{
    public static readonly RequiredTool Chromium = new("chromium", "apt-get install -y chromium");
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string root = Path.Combine(Path.GetTempPath(), "safedrop-portal-tests", Guid.NewGuid().ToString("N"));
    private PortalApi? api;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PortalApi Api => api ?? throw new InvalidOperationException("The API did not start.");

    public Uri BaseAddress => Api.BaseAddress;

    /// <summary>The shared browser; ends the test (skip, or failure under CI=true) when chromium is missing.</summary>
    public IBrowser Browser
    {
        get
        {
            if (browser is null) Chromium.ReportMissing();
            return browser;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var tenant = Directory.CreateDirectory(Path.Combine(root, "tenant")).FullName;
        await File.WriteAllTextAsync(Path.Combine(tenant, "organization.yaml"), PortalTenant.OrganizationYaml());
        await File.WriteAllTextAsync(Path.Combine(tenant, "dropzone.yaml"), PortalTenant.DropzoneYaml());
        await File.WriteAllTextAsync(Path.Combine(tenant, "workspaces.yaml"), PortalTenant.WorkspacesYaml());
        await File.WriteAllTextAsync(Path.Combine(tenant, "groups.yaml"), PortalTenant.SecurityGroupsYaml());
        await File.WriteAllTextAsync(Path.Combine(tenant, "globex.yaml"), PortalTenant.ForeignOrganizationYaml());

        api = new PortalApi(tenant, Path.Combine(root, "data"), FreePort.Next());
        api.Start();
        using var ready = new CancellationTokenSource(StartTimeout);
        var state = await api.Store.WaitForAsync(s => s.Config is not null, ready.Token);
        if (state.Config?.Dropzones.ContainsKey(PortalTenant.Dropzone) != true || !state.Config.Workspaces.ContainsKey(PortalTenant.Workspace))
            throw new InvalidOperationException("The test tenant did not compile with its Dropzone and Workspace: " + string.Join("; ", state.Problems));

        if (!File.Exists(ChromiumPath)) return;
        // Playwright's 5 s default for Expect is short for two cores shared by the API, chromium and a cold JIT on a
        // fresh CI machine; a real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh context (no cookies) and page on the portal, recording what the page requests.</summary>
    public async Task<PortalPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1024, Height = 720 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        return new PortalPage(context, await context.NewPageAsync());
    }

    /// <summary>The PIN of the newest PIN mail the dev mailbox holds for the address.</summary>
    public string LatestPin(string address)
    {
        var mail = Api.Mailbox.Mails.FirstOrDefault(m =>
            string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("PIN", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No PIN mail to {address} in the dev mailbox.");
        return PinPattern().Match(mail.TextBody) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No PIN in the mail to {address}: {mail.TextBody}");
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (api is not null) await api.DisposeAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"PIN:\s*([0-9]+)")]
    private static partial Regex PinPattern();
}
