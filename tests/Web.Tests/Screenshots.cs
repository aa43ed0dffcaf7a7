using Microsoft.Playwright;
using PlugInnan.TestSupport;

namespace PlugInnan.Web.Tests;

/// <summary>
/// Full-page pictures of the pages as the browser tests saw them, for people to look at: PNG files in
/// <c>TestResults/screenshots/</c> at the repository's root (ignored by git), replaced on every run.
/// </summary>
internal static class Screenshots
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string Folder { get; } = Path.Combine(ExternalTool.RepositoryRoot(), "TestResults", "screenshots");

    /// <summary>Saves the page as <c>{name}.png</c>, where <paramref name="name"/> says who looked at which page.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var saved = await File.ReadAllBytesAsync(path);
        Assert.True(saved.AsSpan().StartsWith(PngSignature), $"{path} is not a PNG");
    }
}
