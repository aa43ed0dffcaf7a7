using PlugInnan.Api.Calls;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Mapping;

/// <summary>
/// The API's enums and the domain's, mapped by member name (the C# names protoc generates drop the
/// enum's prefix, so SECURITY_MARKING_CONFIDENTIAL is SecurityMarking.Confidential on both sides),
/// never by arithmetic on their numbers. UNSPECIFIED (0) has no domain member.
/// </summary>
internal static class Enums
{
    /// <summary>The domain value of an API enum, or a violation for UNSPECIFIED or an unknown member.</summary>
    public static TDomain Required<TApi, TDomain>(Violations violations, TApi value, string field)
        where TApi : struct, Enum
        where TDomain : struct, Enum
    {
        var known = EnumMap<TApi, TDomain>.ToDomain.TryGetValue(value, out var domain);
        violations.Require(known, field, $"must be one of {string.Join(", ", Names<TApi>())}");
        return domain;
    }

    /// <summary>Like <see cref="Required{TApi, TDomain}"/>, but UNSPECIFIED means "not given" (null).</summary>
    public static TDomain? Optional<TApi, TDomain>(Violations violations, TApi value, string field)
        where TApi : struct, Enum
        where TDomain : struct, Enum =>
        EqualityComparer<TApi>.Default.Equals(value, default) ? null : Required<TApi, TDomain>(violations, value, field);

    public static TApi ToApi<TDomain, TApi>(TDomain value)
        where TDomain : struct, Enum
        where TApi : struct, Enum =>
        EnumMap<TApi, TDomain>.ToApi[value];

    public static V1.SecurityMarking ToApi(Grains.SecurityMarking value) => ToApi<Grains.SecurityMarking, V1.SecurityMarking>(value);

    public static V1.RiskLevel ToApi(Grains.RiskLevel value) => ToApi<Grains.RiskLevel, V1.RiskLevel>(value);

    public static V1.ProgrammeGroup ToApi(Grains.ProgrammeGroup value) => ToApi<Grains.ProgrammeGroup, V1.ProgrammeGroup>(value);

    /// <summary>Flags from a repeated enum, member by name; each UNSPECIFIED or unknown value is a violation.</summary>
    public static TFlags Flags<TApi, TFlags>(Violations violations, IEnumerable<TApi> values, string field)
        where TApi : struct, Enum
        where TFlags : struct, Enum
    {
        long bits = 0;
        var index = 0;
        foreach (var value in values)
        {
            if (violations.Require(EnumMap<TApi, TFlags>.ToDomain.TryGetValue(value, out var flag), $"{field}[{index}]", $"must be one of {string.Join(", ", Names<TApi>())}"))
            {
                bits |= Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            }

            index++;
        }

        return (TFlags)Enum.ToObject(typeof(TFlags), bits);
    }

    /// <summary>The repeated enum for a flags value: each set flag as the API member of the same name.</summary>
    public static IEnumerable<TApi> FromFlags<TFlags, TApi>(TFlags flags)
        where TFlags : struct, Enum
        where TApi : struct, Enum =>
        EnumMap<TApi, TFlags>.ToApi
            .Where(pair => Convert.ToInt64(pair.Key, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag(pair.Key))
            .OrderBy(pair => Convert.ToInt64(pair.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(pair => pair.Value);

    /// <summary>The members as the .proto names them (e.g. PREVENTION_LEVEL_UNIVERSAL), UNSPECIFIED left out.</summary>
    private static IEnumerable<string> Names<TApi>()
        where TApi : struct, Enum =>
        typeof(TApi).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => Convert.ToInt32(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(f => f.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false).OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name ?? f.Name);
}
