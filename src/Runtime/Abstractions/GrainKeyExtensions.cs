using System.Globalization;
using PlugInnan.Runtime.Core;

namespace PlugInnan.Runtime;

/// <summary>Orleans-style access to a grain's or a reference's identity.</summary>
public static class GrainKeyExtensions
{
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        Grain grain => grain.GrainId,
        GrainProxy proxy => proxy.Id,
        _ => throw new ArgumentException(
            $"{addressable.GetType().Name} is neither a grain nor a grain reference.", nameof(addressable)),
    };

    public static string GetPrimaryKeyString(this IAddressable addressable) => addressable.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable addressable) =>
        Guid.ParseExact(addressable.GetGrainId().Key, "N");

    public static long GetPrimaryKeyLong(this IAddressable addressable) =>
        long.Parse(addressable.GetGrainId().Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
