using System.Globalization;

namespace PlugInnan.Grains.Identity;

/// <summary>
/// A Swedish civic number as SS 12000's <c>civicNo</c>: 12 characters, YYYYMMDDNNNC (RULES.md, "Identity
/// and privacy"). Only ever used at the edge, to derive a pseudonymous id; never logged or stored.
/// </summary>
public sealed record CivicNumber
{
    private CivicNumber(string value, CivicNumberKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The normalized 12 characters, without separator.</summary>
    public string Value { get; }

    public CivicNumberKind Kind { get; }

    /// <summary>Accepts YYYYMMDDNNNC with or without a hyphen after the date; says why when it cannot.</summary>
    public static bool TryParse(string? text, out CivicNumber? number, out string error)
    {
        number = null;
        var compact = (text ?? "").Trim().Replace("-", "", StringComparison.Ordinal);
        if (compact.Length != 12)
        {
            error = "must be 12 characters, YYYYMMDDNNNC (a hyphen after the date is allowed)";
            return false;
        }

        if (!compact[..8].All(char.IsAsciiDigit))
        {
            error = "must start with a date, YYYYMMDD";
            return false;
        }

        var year = int.Parse(compact[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(compact[4..6], CultureInfo.InvariantCulture);
        var day = int.Parse(compact[6..8], CultureInfo.InvariantCulture);
        var coordination = day > 60;
        if (coordination)
        {
            day -= 60;
        }

        if (month is < 1 or > 12 || day < 1 || year < 1850 || day > DateTime.DaysInMonth(year, month))
        {
            error = "does not contain a valid date";
            return false;
        }

        var tail = compact[8..];
        if (!tail.All(char.IsAsciiDigit))
        {
            if (coordination || !tail.All(char.IsAsciiLetterOrDigit))
            {
                error = "has letters where digits belong";
                return false;
            }

            number = new CivicNumber(compact.ToUpperInvariant(), CivicNumberKind.Temporary);
            error = "";
            return true;
        }

        if (!LuhnValid(compact[2..]))
        {
            error = "has a wrong check digit";
            return false;
        }

        number = new CivicNumber(compact, coordination ? CivicNumberKind.Samordningsnummer : CivicNumberKind.Personnummer);
        error = "";
        return true;
    }

    /// <summary>The value itself is never printed: civic numbers stay out of logs and messages.</summary>
    public override string ToString() => $"CivicNumber({Kind})";

    /// <summary>Luhn with weights 2,1,2,… over the ten digits YYMMDDNNNC.</summary>
    private static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }

        return sum % 10 == 0;
    }
}
