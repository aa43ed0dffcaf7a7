using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PlugInnan.Grains.Identity;
using PlugInnan.TestSupport;

namespace PlugInnan.Web.Tests;

/// <summary>The demo region command against a fresh silo on the embedded default: afterwards the pages show every subproject with students and a baseline.</summary>
[Collection(WebSiloDefinition.Name)] // not beside the page tests: two silos, a demo fill and Chromium at once are too much for two cores
public sealed class DemoRegionTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-demo-").FullName;
    private SiloProcess? silo;

    public async Task InitializeAsync()
    {
        silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync("Plug Innan silo ready");
    }

    [Fact]
    public async Task The_demo_fills_every_subproject_through_the_API_and_the_region_page_shows_them()
    {
        var (exit, output) = await RunDemoAsync("--address", $"http://127.0.0.1:{silo!.GrpcPort.ToString(CultureInfo.InvariantCulture)}", "--students", "5");
        Assert.True(exit == 0, output);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignedInAsync($"http://127.0.0.1:{silo.OperatorPort.ToString(CultureInfo.InvariantCulture)}", ("utveckling", "local-development-key"));
        var rows = page.Locator("main table").First.Locator("tbody tr");
        Assert.Equal(22, await rows.CountAsync()); // the programme's subprojects
        foreach (var row in await rows.AllAsync())
        {
            Assert.Equal("10", (await row.Locator("td").Nth(1).TextContentAsync())?.Trim()); // two schools of five students each
        }

        Assert.Equal(1, await page.Locator("table caption").Filter(new() { HasText = "per högskoleförberedande programgrupp" }).CountAsync());
        await Screenshots.SaveAsync(page, "demo-region");
        await page.Locator("main table tbody th a").First.ClickAsync();
        Assert.DoesNotContain("inte gjord än", await page.Locator("main p").First.TextContentAsync(), StringComparison.Ordinal); // the baseline was taken
        var weeks = page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasText = "per vecka (tabell)" }) }).First.Locator("tbody tr");
        Assert.InRange(await weeks.CountAsync(), 5, 6); // the six weeks of lessons, a digest restated for each Monday before this week's
        foreach (var week in await weeks.AllAsync())
        {
            Assert.Equal("omräknad i efterhand", (await week.Locator("td").Nth(1).TextContentAsync())?.Trim());
        }

        await Screenshots.SaveAsync(page, "demo-delprojekt");
        await page.GotoAsync("/skola/90000001");
        Assert.Contains("Demoskolan", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "demo-skola");
    }

    [Fact]
    public async Task Its_civic_numbers_are_valid_in_form_and_born_in_the_2090s()
    {
        var (exit, output) = await RunDemoAsync("--print-civic-numbers", "200");
        var numbers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(0, exit);
        Assert.Equal(200, numbers.Distinct().Count());
        Assert.All(numbers, n =>
        {
            Assert.True(CivicNumber.TryParse(n, out var parsed, out var error), $"{n}: {error}");
            Assert.Equal(CivicNumberKind.Personnummer, parsed!.Kind);
            Assert.StartsWith("209", n, StringComparison.Ordinal);
        });
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The demo tool as a user runs it, from its build output beside this test's (same configuration).</summary>
    private static async Task<(int Exit, string Output)> RunDemoAsync(params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/Release/net10.0/
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ExternalTool.RepositoryRoot(), "src", "DemoRegion", "bin", configuration, "net10.0", "PlugInnan.DemoRegion.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await errors);
    }
}
