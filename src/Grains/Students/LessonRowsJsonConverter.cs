using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlugInnan.Grains.Students;

/// <summary>
/// Writes lesson rows as one base64 string of fixed 20-byte records after a format byte, about 27
/// characters a lesson whatever the length of the lesson id, instead of some 50–90 as JSON objects.
/// </summary>
public sealed class LessonRowsJsonConverter : JsonConverter<List<LessonRow>>
{
    private const byte Format = 1;
    private const int RowSize = 4 + 8 + (4 * 2);

    public override List<LessonRow> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var bytes = reader.GetBytesFromBase64();
        if (bytes.Length == 0)
        {
            return [];
        }

        if (bytes[0] != Format || (bytes.Length - 1) % RowSize != 0)
        {
            throw new JsonException($"Lesson rows are in an unknown format ({bytes[0]}, {bytes.Length} bytes).");
        }

        var rows = new List<LessonRow>((bytes.Length - 1) / RowSize);
        for (var at = 1; at < bytes.Length; at += RowSize)
        {
            var row = bytes.AsSpan(at, RowSize);
            rows.Add(new LessonRow(
                BinaryPrimitives.ReadInt32LittleEndian(row),
                BinaryPrimitives.ReadUInt64LittleEndian(row[4..]),
                BinaryPrimitives.ReadUInt16LittleEndian(row[12..]),
                BinaryPrimitives.ReadUInt16LittleEndian(row[14..]),
                BinaryPrimitives.ReadUInt16LittleEndian(row[16..]),
                BinaryPrimitives.ReadUInt16LittleEndian(row[18..])));
        }

        return rows;
    }

    public override void Write(Utf8JsonWriter writer, List<LessonRow> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new byte[1 + (value.Count * RowSize)];
        bytes[0] = Format;
        for (var i = 0; i < value.Count; i++)
        {
            var row = bytes.AsSpan(1 + (i * RowSize), RowSize);
            var lesson = value[i];
            BinaryPrimitives.WriteInt32LittleEndian(row, lesson.Day);
            BinaryPrimitives.WriteUInt64LittleEndian(row[4..], lesson.Key);
            BinaryPrimitives.WriteUInt16LittleEndian(row[12..], lesson.Scheduled);
            BinaryPrimitives.WriteUInt16LittleEndian(row[14..], lesson.Attended);
            BinaryPrimitives.WriteUInt16LittleEndian(row[16..], lesson.Valid);
            BinaryPrimitives.WriteUInt16LittleEndian(row[18..], lesson.Invalid);
        }

        writer.WriteBase64StringValue(bytes);
    }
}
