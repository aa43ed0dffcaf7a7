namespace PlugInnan.Api.Mapping;

/// <summary>
/// One API enum and one domain enum matched member by member on their names, built once per pair.
/// A domain member without an API member of the same name fails the type's first use, so a new
/// domain member cannot slip through unmapped (the enum tests touch every pair).
/// </summary>
internal static class EnumMap<TApi, TDomain>
    where TApi : struct, Enum
    where TDomain : struct, Enum
{
    public static readonly IReadOnlyDictionary<TApi, TDomain> ToDomain = Build();

    public static readonly IReadOnlyDictionary<TDomain, TApi> ToApi = ToDomain.ToDictionary(pair => pair.Value, pair => pair.Key);

    private static Dictionary<TApi, TDomain> Build()
    {
        var map = new Dictionary<TApi, TDomain>();
        foreach (var domain in Enum.GetValues<TDomain>())
        {
            var name = domain.ToString();
            if (Convert.ToInt64(domain, System.Globalization.CultureInfo.InvariantCulture) == 0 && !Enum.IsDefined(typeof(TApi), name))
            {
                continue; // a flags enum's "none"
            }

            if (!Enum.TryParse<TApi>(name, ignoreCase: false, out var api) || Convert.ToInt64(api, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new InvalidOperationException($"{typeof(TDomain).Name}.{name} has no member of the same name in {typeof(TApi).Name}.");
            }

            map.Add(api, domain);
        }

        return map;
    }
}
