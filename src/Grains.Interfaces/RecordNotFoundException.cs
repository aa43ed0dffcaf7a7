namespace PlugInnan.Grains;

/// <summary>A record referred to by id that the grain does not hold, naming the field that referred to it.</summary>
[GenerateSerializer, Alias("pluginnan.RecordNotFoundException")]
public sealed class RecordNotFoundException : KeyNotFoundException
{
    public RecordNotFoundException(string field, string message)
        : base(message) => Field = field;

    public RecordNotFoundException()
        : this("", "The record was not found.")
    {
    }

    public RecordNotFoundException(string message)
        : this("", message)
    {
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException) => Field = "";

    /// <summary>The field that referred to the record, as in <c>intervention_id</c>.</summary>
    [Id(0)]
    public string Field { get; }
}
