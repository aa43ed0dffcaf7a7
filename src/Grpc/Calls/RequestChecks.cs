using System.Text.RegularExpressions;
using PlugInnan.Grains.Rules;

namespace PlugInnan.Api.Calls;

/// <summary>Checks of request fields that many requests share.</summary>
internal static partial class RequestChecks
{
    public static void RequestId(Violations violations, string requestId) =>
        violations.Require(RequestIdShape().IsMatch(requestId), "request_id", "is required: 1–64 letters, digits, '.', '_', ':' or '-' (a UUID is a good choice)");

    public static bool SchoolUnitCode(Violations violations, string code, string field = "school_unit_code") =>
        violations.Require(Grains.Rules.SchoolUnitCode.IsValid(code), field, "must be an 8-digit school unit code (skolenhetskod)");

    public static bool Subject(Violations violations, string subject, string field) =>
        violations.Require(SubjectCodes.IsKnown(subject), field, "must be a subject short code such as SV, SVA, EN, MA or 'M2 SPA'");

    public static bool Text(Violations violations, string text, string field, int maxLength, bool required = true) =>
        violations.Require((!required || !string.IsNullOrWhiteSpace(text)) && text.Length <= maxLength, field, required ? $"is required, at most {maxLength} characters" : $"must be at most {maxLength} characters");

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdShape();
}
