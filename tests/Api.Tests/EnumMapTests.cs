using PlugInnan.Api.Mapping;

namespace PlugInnan.Api.Tests;

/// <summary>The API's enums and the domain's meet by member name: every domain member has its API member.</summary>
public sealed class EnumMapTests
{
    [Fact]
    public void Every_domain_enum_with_an_API_enum_of_the_same_name_maps_each_member_by_name_both_ways()
    {
        var api = typeof(V1.StudentService).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == "PlugInnan.Api.V1").ToDictionary(t => t.Name);
        var pairs = typeof(Grains.IStudentGrain).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && api.ContainsKey(t.Name))
            .Select(t => (Api: api[t.Name], Domain: t))
            .ToList();

        Assert.True(pairs.Count >= 10, $"{pairs.Count} enum pairs");
        Assert.All(pairs, pair =>
        {
            var map = typeof(EnumMap<,>).MakeGenericType(pair.Api, pair.Domain);
            var toApi = (System.Collections.IDictionary)map.GetField("ToApi")!.GetValue(null)!;
            foreach (var member in Enum.GetValues(pair.Domain))
            {
                if (Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture) == 0 && !toApi.Contains(member))
                {
                    continue; // a flags enum's "none"
                }

                Assert.Equal(member.ToString(), toApi[member]!.ToString());
            }
        });
    }
}
