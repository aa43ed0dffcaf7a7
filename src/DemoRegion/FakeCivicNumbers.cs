using System.Globalization;

namespace PlugInnan.DemoRegion;

/// <summary>
/// Personnummer valid in form (a real calendar date, the right Luhn check digit) that no living person
/// can hold: the birth dates lie in 2090–2094. Skatteverket assigns a number at birth or registration,
/// never decades ahead, so none of these belongs to anyone.
/// </summary>
internal static class FakeCivicNumbers
{
    public static string For(int serial)
    {
        var birth = new DateOnly(2090, 1, 1).AddDays(serial / 500);
        var body = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial % 500:000}");
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(p => (p / 10) + (p % 10));
        return string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}-{body[6..]}{(10 - (sum % 10)) % 10}");
    }
}
