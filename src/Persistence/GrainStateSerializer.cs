using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PlugInnan.Persistence;

/// <summary>
/// Grain state as JSON through System.Text.Json source-generated metadata only (no reflection
/// fallback). Unknown properties in stored JSON are skipped and missing ones keep their defaults, so
/// state types may gain and lose fields between versions.
/// </summary>
public sealed class GrainStateSerializer
{
    private readonly JsonSerializerOptions options;

    public GrainStateSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]),
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        };
        options.MakeReadOnly();
    }

    public string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, TypeInfo<TState>());

    public TState Deserialize<TState>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<TState>()) ?? Activator.CreateInstance<TState>();

    private JsonTypeInfo<TState> TypeInfo<TState>()
    {
        try
        {
            return (JsonTypeInfo<TState>)options.GetTypeInfo(typeof(TState));
        }
        catch (NotSupportedException e)
        {
            throw new InvalidOperationException(
                $"Grain state type {typeof(TState).Name} has no JSON metadata. Add [JsonSerializable(typeof({typeof(TState).Name}))] " +
                "to a JsonSerializerContext and register it with AddGrainStateJson(...).", e);
        }
    }
}
