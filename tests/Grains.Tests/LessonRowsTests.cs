using System.Text.Json;
using PlugInnan.Grains.Students;

namespace PlugInnan.Grains.Tests;

public sealed class LessonRowsTests
{
    [Fact]
    public void Lesson_rows_survive_the_packed_form_exactly()
    {
        var state = new StudentState
        {
            Lessons =
            [
                LessonRow.From(new(new DateOnly(2026, 9, 1), Guid.NewGuid().ToString(), 60, 45, 15, 0)),
                LessonRow.From(new(new DateOnly(2099, 12, 31), "x", 1440, 0, 0, 1440)),
                LessonRow.From(new(new DateOnly(2000, 1, 1), "a much longer lesson id than anyone should send", 0, 0, 0, 0)),
            ],
        };

        var json = JsonSerializer.Serialize(state, GrainStateJsonContext.Default.StudentState);
        var back = JsonSerializer.Deserialize(json, GrainStateJsonContext.Default.StudentState)!;

        Assert.Equal(state.Lessons, back.Lessons);
        Assert.Equal(LessonRow.KeyOf("x"), back.Lessons[1].Key);
    }

    [Fact]
    public void An_unknown_packed_format_is_refused_rather_than_misread()
    {
        var json = $$"""{"Lessons":"{{Convert.ToBase64String([2, .. new byte[20]])}}"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, GrainStateJsonContext.Default.StudentState));
    }
}
