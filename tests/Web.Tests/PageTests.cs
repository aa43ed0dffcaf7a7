using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PlugInnan.Web.Tests;

/// <summary>The pages in a real browser: accessible (axe-core), reachable by keyboard, access checked on the server, small groups withheld, nothing personal.</summary>
[Collection(WebSiloDefinition.Name)]
public sealed class PageTests(WebSilo silo, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private Browser? browser;

    private Browser Browser => browser!;

    public async Task InitializeAsync() => browser = await Browser.LaunchAsync();

    [Fact]
    public async Task Every_page_passes_axe_core_with_no_serious_or_critical_violation()
    {
        var leader = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.LeaderA);
        var principal = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.PrincipalA);
        var anonymous = await Browser.NewPageAsync(silo.BaseUrl);
        var pages = new (IPage Page, string Path, string Screenshot)[]
        {
            (anonymous, "/logga-in", "logga-in"), (leader, "/region", "region"), (leader, "/delprojekt/webb-a", "delprojekt"),
            (leader, $"/skola/{WebSilo.SchoolA}", "skola-processledare"), (leader, "/delprojekt/webb-b", "ingen-behorighet"),
            (principal, $"/skola/{WebSilo.SchoolA}", "skola-rektor"),
        };
        var serious = new List<string>();
        foreach (var (page, path, screenshot) in pages)
        {
            await page.GotoAsync(path);
            await Screenshots.SaveAsync(page, screenshot);
            var result = await page.RunAxe();
            foreach (var violation in result.Violations)
            {
                output.WriteLine($"{path}: {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} elements)");
                if (violation.Impact is "serious" or "critical")
                {
                    serious.Add($"{path}: {violation.Id} ({string.Join(" | ", violation.Nodes.Select(n => n.Html))})");
                }
            }

            Assert.NotEmpty(result.Passes); // axe ran its rules on the page
        }

        Assert.Empty(serious);
    }

    [Fact]
    public async Task The_pages_work_by_keyboard_from_the_skip_link_to_a_subproject()
    {
        var page = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.LeaderA);
        Assert.EndsWith("/region", page.Url, StringComparison.Ordinal); // signed in with Enter, a process leader lands on the region

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        var visited = new List<string>();
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement.textContent") != "Webbprojekt A"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<string>("document.activeElement.tagName + ':' + document.activeElement.textContent.trim()"));
        }

        output.WriteLine($"focus went through: {string.Join(" → ", visited)}");
        Assert.Equal("/delprojekt/webb-a", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await Browser.ArrivedAsync(page, url => url.EndsWith("/delprojekt/webb-a", StringComparison.Ordinal), "/delprojekt/webb-a");
        Assert.Equal("Webbprojekt A", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task Each_page_checks_access_on_the_server()
    {
        var leader = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.LeaderA);
        var principal = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.PrincipalA);
        var anonymous = await Browser.NewPageAsync(silo.BaseUrl);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(leader, "/delprojekt/webb-b")); // another leader's subproject
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(leader, $"/skola/{WebSilo.SchoolC}")); // a school of it
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(leader, $"/skola/{WebSilo.SchoolB}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(principal, $"/skola/{WebSilo.SchoolA}")); // a school leader's own school
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(principal, $"/skola/{WebSilo.SchoolB}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(principal, "/region"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(principal, "/delprojekt/webb-a"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(anonymous, "/region")); // the sign-in page, after the redirect
        Assert.Contains("/logga-in?ReturnUrl=", anonymous.Url, StringComparison.Ordinal);
        await leader.GotoAsync("/region");
        Assert.Equal(["Webbprojekt A"], await leader.Locator("main table").First.Locator("tbody th[scope=row]").AllTextContentsAsync()); // only their own subproject
    }

    [Fact]
    public async Task Small_groups_are_withheld_charts_have_a_table_and_no_page_shows_a_student()
    {
        var leader = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.LeaderA);
        var principal = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.PrincipalA);
        var contents = new List<string>();

        await leader.GotoAsync("/delprojekt/webb-a");
        var schoolB = leader.Locator("main table").Last.Locator("tr", new() { HasText = "Björkskolan" });
        Assert.Contains("färre än 5", await schoolB.TextContentAsync(), StringComparison.Ordinal); // 3 students: withheld, total too
        Assert.Equal(1, await leader.Locator("svg[role=img] title").Filter(new() { HasText = "Elever med förhöjd eller hög risk" }).CountAsync());
        Assert.Equal(1, await leader.Locator("table caption").Filter(new() { HasText = "Elever med förhöjd eller hög risk per vecka (tabell)" }).CountAsync());
        contents.Add(await leader.ContentAsync());
        foreach (var path in new[] { "/region", $"/skola/{WebSilo.SchoolA}", $"/skola/{WebSilo.SchoolB}" })
        {
            await leader.GotoAsync(path);
            contents.Add(await leader.ContentAsync());
        }

        await principal.GotoAsync($"/skola/{WebSilo.SchoolA}");
        var followUps = principal.Locator("tr", new() { HasText = "Uppföljning av insatser" });
        Assert.Equal("6", (await followUps.Locator("td").First.TextContentAsync())?.Trim()); // six open
        contents.Add(await principal.ContentAsync());

        foreach (var personal in silo.Personal)
        {
            Assert.All(contents, c => Assert.DoesNotContain(personal, c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_a_post_without_the_anti_forgery_token_is_rejected()
    {
        var page = await Browser.NewPageAsync(silo.BaseUrl);
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("Konto").FillAsync(WebSilo.LeaderA.Name);
        await page.GetByLabel("Nyckel").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        Assert.Equal("Kontot eller nyckeln stämmer inte.", await page.GetByRole(AriaRole.Alert).TextContentAsync());

        using var http = new HttpClient();
        using var forged = await http.PostAsync(new Uri($"{silo.BaseUrl}/logga-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = WebSilo.LeaderA.Name, ["Key"] = WebSilo.LeaderA.Key,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var cookie = (await page.Context.CookiesAsync()).FirstOrDefault(c => c.Name == "pluginnan-af");
        Assert.True(cookie is { HttpOnly: true }, "the anti-forgery cookie is HTTP-only");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var page = await Browser.SignedInAsync(silo.BaseUrl, WebSilo.LeaderA);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "pluginnan");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut ledare-a" }).ClickAsync();
        await Browser.ArrivedAsync(page, url => url.EndsWith("/logga-in", StringComparison.Ordinal), "/logga-in");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(page, "/region"));
        Assert.Contains("/logga-in", page.Url, StringComparison.Ordinal); // signed out: back to the sign-in page
    }

    [Fact]
    public async Task A_person_signs_in_through_the_municipalitys_identity_provider_with_the_role_it_gives()
    {
        silo.IdentityProvider.NextUser = new() { ["name"] = "Kommunens processledare", ["pluginnan_role"] = "ProcessLeader", ["pluginnan_subproject"] = "webb-b" };
        var page = await Browser.NewPageAsync(silo.BaseUrl);
        await page.GotoAsync("/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in via Testkommunen" }).ClickAsync();
        await Browser.ArrivedAsync(page, url => url.EndsWith("/region", StringComparison.Ordinal), "/region");

        Assert.Equal(["Webbprojekt B"], await page.Locator("main table").First.Locator("tbody th[scope=row]").AllTextContentsAsync()); // the provider's subproject claim
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut Kommunens processledare" }).CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(page, "/delprojekt/webb-a"));

        silo.IdentityProvider.NextUser = new() { ["name"] = "Utan roll" }; // signed in there, but no Plug Innan role
        var refused = await Browser.NewPageAsync(silo.BaseUrl);
        await refused.GotoAsync("/logga-in");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Logga in via Testkommunen" }).ClickAsync();
        await Browser.ArrivedAsync(refused, url => url.EndsWith("/logga-in?extern=nekad", StringComparison.Ordinal), "/logga-in?extern=nekad");
        Assert.Contains("gav inte behörighet", await refused.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await refused.Context.CookiesAsync(), c => c.Name == "pluginnan");
    }

    public async Task DisposeAsync()
    {
        output.WriteLine($"--- the silo's last lines ---\n{silo.OutputTail}"); // shown when a test fails
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(IPage page, string path) => (HttpStatusCode)(await page.GotoAsync(path))!.Status;
}
