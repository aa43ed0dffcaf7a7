namespace PlugInnan.Grains.Rules;

/// <summary>The checks the record rules share; each failure names the field it is about.</summary>
internal static class RecordCheck
{
    public static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new InvalidRecordException(field, $"{field} {problem}.");
        }
    }

    public static void Text(string? text, string field, int maxLength) =>
        Require(!string.IsNullOrWhiteSpace(text) && text.Length <= maxLength, field, $"must be 1–{maxLength} characters");
}
