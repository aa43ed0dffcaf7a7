using PlugInnan.Api.Calls;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Mapping;

/// <summary>
/// The API's enums and the domain's. Where both number the same members the same way (from 1) the
/// value carries over once checked; risk level, security marking and programme group are shifted.
/// </summary>
internal static class Enums
{
    /// <summary>The domain value of an API enum numbered like it, or a violation for UNSPECIFIED or an unknown number.</summary>
    public static TDomain Required<TApi, TDomain>(Violations violations, TApi value, string field)
        where TApi : struct, Enum
        where TDomain : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        var domain = (TDomain)Enum.ToObject(typeof(TDomain), number);
        violations.Require(number != 0 && Enum.IsDefined(domain), field, $"must be one of {string.Join(", ", Names<TApi>())}");
        return domain;
    }

    /// <summary>Like <see cref="Required{TApi, TDomain}"/>, but UNSPECIFIED means "not given" (null).</summary>
    public static TDomain? Optional<TApi, TDomain>(Violations violations, TApi value, string field)
        where TApi : struct, Enum
        where TDomain : struct, Enum =>
        Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 ? null : Required<TApi, TDomain>(violations, value, field);

    public static TApi ToApi<TDomain, TApi>(TDomain value)
        where TDomain : struct, Enum
        where TApi : struct, Enum =>
        (TApi)Enum.ToObject(typeof(TApi), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public static Grains.SecurityMarking Marking(Violations violations, V1.SecurityMarking value, string field)
    {
        violations.Require(value is V1.SecurityMarking.None or V1.SecurityMarking.Confidential or V1.SecurityMarking.ProtectedRegistration, field, "must be one of " + string.Join(", ", Names<V1.SecurityMarking>()));
        return (Grains.SecurityMarking)Math.Max(0, (int)value - 1);
    }

    public static V1.SecurityMarking ToApi(Grains.SecurityMarking value) => (V1.SecurityMarking)((int)value + 1);

    public static V1.RiskLevel ToApi(Grains.RiskLevel value) => (V1.RiskLevel)((int)value + 1);

    public static Grains.RiskLevel? Risk(Violations violations, V1.RiskLevel value, string field) =>
        violations.Require(value is >= V1.RiskLevel.None and <= V1.RiskLevel.High, field, "must be one of " + string.Join(", ", Names<V1.RiskLevel>()))
            ? (Grains.RiskLevel)((int)value - 1)
            : null;

    public static V1.ProgrammeGroup ToApi(Grains.ProgrammeGroup value) => (V1.ProgrammeGroup)((int)value + 1);

    /// <summary>Flags from a repeated enum; each UNSPECIFIED or unknown value is a violation.</summary>
    public static TFlags Flags<TApi, TFlags>(Violations violations, IEnumerable<TApi> values, string field)
        where TApi : struct, Enum
        where TFlags : struct, Enum
    {
        var bits = 0;
        var index = 0;
        foreach (var value in values)
        {
            var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (violations.Require(number is >= 1 and <= 30 && Enum.IsDefined(value), $"{field}[{index}]", $"must be one of {string.Join(", ", Names<TApi>())}"))
            {
                bits |= 1 << (number - 1);
            }

            index++;
        }

        return (TFlags)Enum.ToObject(typeof(TFlags), bits);
    }

    /// <summary>The repeated enum for a flags value: flag 1 &lt;&lt; (n - 1) is member n.</summary>
    public static IEnumerable<TApi> FromFlags<TFlags, TApi>(TFlags flags)
        where TFlags : struct, Enum
        where TApi : struct, Enum
    {
        var bits = Convert.ToInt32(flags, System.Globalization.CultureInfo.InvariantCulture);
        for (var n = 1; n <= 30; n++)
        {
            if ((bits & (1 << (n - 1))) != 0)
            {
                yield return (TApi)Enum.ToObject(typeof(TApi), n);
            }
        }
    }

    /// <summary>The members as the .proto names them (e.g. PREVENTION_LEVEL_UNIVERSAL), UNSPECIFIED left out.</summary>
    private static IEnumerable<string> Names<TApi>()
        where TApi : struct, Enum =>
        typeof(TApi).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => Convert.ToInt32(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(f => f.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false).OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name ?? f.Name);
}
