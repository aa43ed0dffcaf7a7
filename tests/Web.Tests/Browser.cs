using Microsoft.Playwright;

namespace PlugInnan.Web.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright for .NET (no browser download: the machine's
/// /usr/bin/chromium, installed by test.sh). Without it the tests fail, they do not skip.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private Browser(IPlaywright playwright, IBrowser chromium) => (this.playwright, Chromium) = (playwright, chromium);

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // The machine's network is closed: no background calls home, or Chromium waits on them.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A page in a fresh browser context (no cookies). Waits up to a minute: CI runs the other test assemblies beside this one on two cores.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "sv-SE" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context (no cookies) signed in through the sign-in form, by keyboard.</summary>
    public async Task<IPage> SignedInAsync(string baseUrl, (string Name, string Key) account)
    {
        var page = await NewPageAsync(baseUrl);
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("Konto").FillAsync(account.Name);
        await page.GetByLabel("Nyckel").FillAsync(account.Key);
        await page.GetByLabel("Nyckel").PressAsync("Enter");
        await ArrivedAsync(page, url => !url.Contains("/logga-in", StringComparison.Ordinal), $"a page past the sign-in as {account.Name}");
        return page;
    }

    /// <summary>
    /// Waits until the page has gone to a URL <paramref name="at"/> accepts and shows its content, or fails
    /// saying where it is and what it shows. It waits for the navigation to commit and the page's main
    /// part, not for the load event: once, in CI, the right page was shown and its load event still had
    /// not been seen a minute later.
    /// </summary>
    public static async Task ArrivedAsync(IPage page, Func<string, bool> at, string expected)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForURLAsync(at, new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("main").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"expected {expected}, the page is at {page.Url} and says: {await page.Locator("body").TextContentAsync()}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright.Dispose();
    }
}
