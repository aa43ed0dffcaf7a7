namespace PlugInnan.Grains;

/// <summary>A record a grain refuses, naming the offending field so the API can say where the problem is.</summary>
[GenerateSerializer, Alias("pluginnan.InvalidRecordException")]
public sealed class InvalidRecordException : ArgumentException
{
    public InvalidRecordException(string field, string message)
        : base(message) => Field = field;

    public InvalidRecordException()
        : this("", "The record is invalid.")
    {
    }

    public InvalidRecordException(string message)
        : this("", message)
    {
    }

    public InvalidRecordException(string message, Exception innerException)
        : base(message, innerException) => Field = "";

    /// <summary>The field path, as in <c>interventions[0].follow_up_date</c>, relative to the record.</summary>
    [Id(0)]
    public string Field { get; }
}
