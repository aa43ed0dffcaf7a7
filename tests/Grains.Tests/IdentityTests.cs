using System.Security.Cryptography;
using PlugInnan.Grains.Identity;

namespace PlugInnan.Grains.Tests;

public sealed class IdentityTests
{
    [Theory]
    [InlineData("19640823-3234", CivicNumberKind.Personnummer, "196408233234")]
    [InlineData("198112189876", CivicNumberKind.Personnummer, "198112189876")]
    [InlineData("19701063-2391", CivicNumberKind.Samordningsnummer, "197010632391")]
    [InlineData("20130101TF01", CivicNumberKind.Temporary, "20130101TF01")]
    [InlineData("20130101-tf01", CivicNumberKind.Temporary, "20130101TF01")]
    public void Valid_numbers_are_accepted_and_normalized(string text, CivicNumberKind kind, string value)
    {
        Assert.True(CivicNumber.TryParse(text, out var number, out _));
        Assert.Equal((kind, value), (number!.Kind, number.Value));
    }

    [Theory]
    [InlineData("19640823-3235", "has a wrong check digit")]
    [InlineData("19641323-3234", "does not contain a valid date")]
    [InlineData("19640230-3234", "does not contain a valid date")]
    [InlineData("6408233234", "must be 12 characters, YYYYMMDDNNNC (a hyphen after the date is allowed)")]
    [InlineData("1964O823-3234", "must start with a date, YYYYMMDD")]
    [InlineData("19701063-TF01", "has letters where digits belong")]
    [InlineData("", "must be 12 characters, YYYYMMDDNNNC (a hyphen after the date is allowed)")]
    public void Invalid_numbers_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(CivicNumber.TryParse(text, out var number, out var error));
        Assert.Null(number);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void A_civic_number_never_prints_its_value()
    {
        var number = Parse("19640823-3234");

        Assert.DoesNotContain("3234", number.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("19640823", $"{number}", StringComparison.Ordinal);
    }

    [Fact]
    public void The_pseudonym_is_stable_for_one_key_and_different_under_another()
    {
        var number = Parse("19640823-3234");
        var other = Parse("198112189876");
        var key = RandomNumberGenerator.GetBytes(32);

        var pseudonym = new StudentPseudonym(key);
        var id = pseudonym.Derive(number);

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, new StudentPseudonym([.. key]).Derive(number));
        Assert.NotEqual(id, pseudonym.Derive(other));
        Assert.NotEqual(id, new StudentPseudonym(RandomNumberGenerator.GetBytes(32)).Derive(number));
        Assert.DoesNotContain("3234", id, StringComparison.Ordinal);
    }

    private static CivicNumber Parse(string text) =>
        CivicNumber.TryParse(text, out var number, out var error) ? number! : throw new ArgumentException(error, nameof(text));

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new StudentPseudonym(new byte[16]));
}
