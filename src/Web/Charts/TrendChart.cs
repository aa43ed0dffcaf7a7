using System.Globalization;
using System.Net;
using System.Text;

namespace PlugInnan.Web.Charts;

/// <summary>
/// A line chart drawn on the server as SVG: no script, nothing fetched. Withheld points (null) break the
/// line. The page beside it holds the same numbers as a table, the text alternative; the SVG carries
/// a title and a one-line description for screen readers.
/// </summary>
public static class TrendChart
{
    private const int Width = 560;
    private const int Height = 180;
    private const int Left = 60; // room for "100,0 %" on the value axis
    private const int Right = 30; // room for the last week's label, centred under its point
    private const int Bottom = 28;
    private const int Top = 12;

    public static string Svg(string title, string description, IReadOnlyList<(string Label, double? Value)> points, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(format);
        var id = "c" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..8];
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var (low, high) = values.Count == 0 ? (0d, 1d) : (Math.Min(0, values.Min()), values.Max());
        if (high - low < 1e-9)
        {
            high = low + 1;
        }

        double X(int i) => points.Count == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (i * (Width - Left - Right) / (double)(points.Count - 1));
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((v - low) / (high - low))));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-labelledby="{id}-t {id}-d">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-t">{WebUtility.HtmlEncode(title)}</title><desc id="{id}-d">{WebUtility.HtmlEncode(description)}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width}" y2="{Height - Bottom}" stroke="#555"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Y(high) + 4:0.0}" text-anchor="end" font-size="11" fill="#222">{WebUtility.HtmlEncode(format(high))}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Y(low) + 4:0.0}" text-anchor="end" font-size="11" fill="#222">{WebUtility.HtmlEncode(format(low))}</text>""");
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                path.Append(CultureInfo.InvariantCulture, $"{(i > 0 && points[i - 1].Value is not null ? "L" : "M")}{X(i):0.0},{Y(v):0.0} ");
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(i):0.0}" cy="{Y(v):0.0}" r="3" fill="#0b4f8a"/>""");
            }

            if (i == 0 || i == points.Count - 1 || points.Count <= 8)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{X(i):0.0}" y="{Height - 8}" text-anchor="middle" font-size="11" fill="#222">{WebUtility.HtmlEncode(points[i].Label)}</text>""");
            }
        }

        if (path.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="{path.ToString().Trim()}" fill="none" stroke="#0b4f8a" stroke-width="2"/>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
