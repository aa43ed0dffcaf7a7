using System.Globalization;
using Microsoft.Playwright;
using PlugInnan.Api.V1;

namespace PlugInnan.Web.Tests;

/// <summary>The figures on the pages are the API's: the same subproject and school read through the browser and through <c>pluginnan.v1</c>.</summary>
[Collection(WebSiloDefinition.Name)]
public sealed class PageFiguresTests(WebSilo silo) : IAsyncLifetime
{
    private const string Subprojects = "/pluginnan.v1.SubprojectService/";
    private Browser? browser;

    public async Task InitializeAsync() => browser = await Browser.LaunchAsync();

    [Fact]
    public async Task The_subproject_page_shows_the_APIs_progress_measure_by_measure_and_school_by_school()
    {
        var progress = await silo.Api.UnaryAsync<GetProgressRequest, GetProgressResponse>(Subprojects + "GetProgress", new GetProgressRequest { SubprojectId = "webb-a" }, WebSilo.ApiCall);
        var page = await browser!.SignedInAsync(silo.BaseUrl, WebSilo.LeaderA);
        await page.GotoAsync("/delprojekt/webb-a");

        var measures = await RowsAsync(page, "Varje mått vid nulägesanalysen och i dag");
        Assert.Equal(progress.Measures.Count, measures.Count);
        for (var i = 0; i < measures.Count; i++)
        {
            var (name, cells) = measures[i];
            AssertShows(cells[0], progress.Measures[i].Baseline, $"{name}, baseline");
            AssertShows(cells[1], progress.Measures[i].Current, $"{name}, today");
        }

        Assert.Contains(progress.Measures, m => m.Current is { Suppressed: false }); // something is compared as a number, not only as withheld

        var schools = await RowsAsync(page, "Elever per risknivå på varje skola");
        Assert.Equal(progress.Schools.Select(s => s.Name), schools.Select(s => s.Name));
        foreach (var (school, (name, cells)) in progress.Schools.Zip(schools))
        {
            AssertCounts(cells, school.StudentsPerRiskLevel, name);
        }
    }

    [Fact]
    public async Task The_school_page_shows_the_APIs_figures_for_the_school()
    {
        var school = await silo.Api.UnaryAsync<GetSchoolRequest, GetSchoolResponse>("/pluginnan.v1.SchoolService/GetSchool", new GetSchoolRequest { SchoolUnitCode = WebSilo.SchoolA }, WebSilo.ApiCall);
        var progress = await silo.Api.UnaryAsync<GetProgressRequest, GetProgressResponse>(Subprojects + "GetProgress", new GetProgressRequest { SubprojectId = "webb-a" }, WebSilo.ApiCall);
        var page = await browser!.SignedInAsync(silo.BaseUrl, WebSilo.PrincipalA);
        await page.GotoAsync($"/skola/{WebSilo.SchoolA}");

        var measures = await RowsAsync(page, "Skolans mått i dag");
        var attendance = Assert.Single(measures, m => m.Name == "Närvaro denna termin");
        Assert.True(school.Figures.HasAttendanceRate);
        AssertShows(attendance.Cells[0], new SuppressedValue { Value = school.Figures.AttendanceRate }, "attendance");

        // The school's students per risk level, withheld as the API withholds them for this school.
        var risk = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Elever per risknivå" }) }).First.Locator("tbody tr td");
        var cells = (await risk.AllTextContentsAsync()).ToList();
        AssertCounts(cells, progress.Schools.Single(s => s.SchoolUnitCode == WebSilo.SchoolA).StudentsPerRiskLevel, "Äppelskolan");
        Assert.Equal(school.Figures.Students.ToString(CultureInfo.InvariantCulture), cells[^1].Trim()); // 12 students: the total is shown
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }

    /// <summary>A table's body rows, found by caption: the row header and the cells' text.</summary>
    private static async Task<List<(string Name, List<string> Cells)>> RowsAsync(IPage page, string caption)
    {
        var rows = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = caption }) }).First.Locator("tbody tr");
        var found = new List<(string, List<string>)>();
        foreach (var row in await rows.AllAsync())
        {
            found.Add(((await row.Locator("th").TextContentAsync() ?? "").Trim(), [.. await row.Locator("td").AllTextContentsAsync()]));
        }

        return found;
    }

    /// <summary>Risk-level cells in the page's order (no risk, watch, elevated, high, total) against the API's counts.</summary>
    private static void AssertCounts(List<string> cells, RiskLevelCounts api, string what)
    {
        var expected = new[] { api.None, api.Watch, api.Elevated, api.High, api.Total };
        Assert.Equal(expected.Length, cells.Count);
        foreach (var (cell, count) in cells.Zip(expected))
        {
            var shown = count.Suppressed ? "färre än 5" : count.Value.ToString(CultureInfo.InvariantCulture);
            Assert.True(shown == cell.Trim(), $"{what}: the page shows {cell.Trim()}, the API {shown} ({string.Join(" | ", cells)})");
        }
    }

    /// <summary>
    /// A value as the page prints it ("73,3 %", "3,6", "0", "–") against the API's: withheld (or missing) on
    /// the page exactly when the API withholds it, otherwise equal within the page's rounding.
    /// </summary>
    private static void AssertShows(string text, SuppressedValue? api, string what)
    {
        text = text.Trim();
        if (api is null || api.Suppressed)
        {
            Assert.True(text == "–", $"{what}: the page shows {text}, the API withholds it");
            return;
        }

        var percent = text.EndsWith('%');
        var number = new string([.. text.TrimEnd('%').Where(c => !char.IsWhiteSpace(c))]).Replace(',', '.').Replace('\u2212', '-');
        var decimals = number.Contains('.', StringComparison.Ordinal) ? number.Length - number.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var scale = percent ? 100 : 1;
        Assert.True(double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var shown), $"{what}: the page shows {text}, the API {api.Value}");
        Assert.True(Math.Abs((shown / scale) - api.Value) <= (0.5 * Math.Pow(10, -decimals) / scale) + 1e-9, $"{what}: the page shows {text}, the API {api.Value}");
    }
}
