namespace PlugInnan.Grains.Identity;

public enum CivicNumberKind
{
    /// <summary>Personnummer: a real date of birth and a valid check digit.</summary>
    Personnummer,

    /// <summary>Samordningsnummer: the day of birth plus 60, and a valid check digit.</summary>
    Samordningsnummer,

    /// <summary>A school's temporary number (letters after the date, e.g. 20130101TF01): an identifier, never a verified personnummer.</summary>
    Temporary,
}
