using Grpc.Core;
using PlugInnan.Api.Access;
using PlugInnan.Api.Calls;
using PlugInnan.Api.Mapping;
using PlugInnan.Grains;
using V1 = PlugInnan.Api.V1;

namespace PlugInnan.Api.Services;

/// <summary>Lesson attendance: a batch is checked as a whole, then each student's records go to its grain in one call.</summary>
public sealed partial class StudentApi
{
    private const int MaxRecordsPerBatch = 50_000;
    private const int MaxLessonIdLength = 200;
    private const int FlushAtRecords = 100_000;
    private const int ParallelStudents = 32;

    [Roles(ApiRole.SchoolSystem)]
    public override async Task<V1.RecordAttendanceResponse> RecordAttendance(V1.RecordAttendanceRequest request, ServerCallContext context)
    {
        var batch = await CheckAttendanceAsync(context, request.Records, known: null, message: null);
        await ApplyAttendanceAsync(batch, context.CancellationToken);
        return new V1.RecordAttendanceResponse { RecordsApplied = request.Records.Count, Students = batch.Count };
    }

    [Roles(ApiRole.SchoolSystem)]
    public override async Task<V1.StreamAttendanceResponse> StreamAttendance(IAsyncStreamReader<V1.StreamAttendanceRequest> requestStream, ServerCallContext context)
    {
        var known = new HashSet<string>(StringComparer.Ordinal); // students already found reachable in this stream
        var pending = new Dictionary<string, List<LessonAttendance>>(StringComparer.Ordinal);
        var (messages, records, buffered) = (0, 0L, 0);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var message = requestStream.Current;
            Dictionary<string, List<LessonAttendance>> batch;
            try
            {
                batch = await CheckAttendanceAsync(context, message.Records, known, messages);
            }
            catch (RpcException)
            {
                await ApplyAttendanceAsync(pending, context.CancellationToken); // the messages before it were whole and correct
                throw;
            }

            foreach (var (student, lessons) in batch)
            {
                known.Add(student);
                (pending.TryGetValue(student, out var list) ? list : pending[student] = []).AddRange(lessons);
            }

            messages++;
            records += message.Records.Count;
            buffered += message.Records.Count;
            if (buffered >= FlushAtRecords)
            {
                await ApplyAttendanceAsync(pending, context.CancellationToken);
                pending.Clear();
                buffered = 0;
            }
        }

        await ApplyAttendanceAsync(pending, context.CancellationToken);
        return new V1.StreamAttendanceResponse { RecordsApplied = records, Students = known.Count, Messages = messages };
    }

    /// <summary>Checks every record and every student of a batch; the records per student, or the call ends naming every problem.</summary>
    private async Task<Dictionary<string, List<LessonAttendance>>> CheckAttendanceAsync(
        ServerCallContext context, Google.Protobuf.Collections.RepeatedField<V1.LessonRecord> records, HashSet<string>? known, int? message)
    {
        var violations = new Violations();
        var where = message is { } m ? $" (in message {m})" : "";
        violations.Require(records.Count is >= 1 and <= MaxRecordsPerBatch, "records", $"must hold 1–{MaxRecordsPerBatch} lesson records{where}");
        var ids = new string[records.Count];
        var lessons = new LessonAttendance[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var field = $"records[{i}]";
            ids[i] = students.IdOf(violations, record.Student, $"{field}.student");
            var date = Dates.Required(violations, record.Date, $"{field}.date");
            RequestChecks.Text(violations, record.LessonId, $"{field}.lesson_id", MaxLessonIdLength);
            violations.Require(record.ScheduledMinutes is >= 0 and <= Grains.Rules.StudentRecordRules.MinutesInADay, $"{field}.scheduled_minutes", "must be 0–1440");
            violations.Require(record.AttendedMinutes >= 0, $"{field}.attended_minutes", "must not be negative");
            violations.Require(record.ValidAbsenceMinutes >= 0, $"{field}.valid_absence_minutes", "must not be negative");
            violations.Require(record.InvalidAbsenceMinutes >= 0, $"{field}.invalid_absence_minutes", "must not be negative");
            var accounted = (long)record.AttendedMinutes + record.ValidAbsenceMinutes + record.InvalidAbsenceMinutes;
            violations.Require(accounted <= record.ScheduledMinutes, field, $"attended plus absent minutes ({accounted}) exceed scheduled_minutes ({record.ScheduledMinutes}){where}");
            lessons[i] = new LessonAttendance(date, record.LessonId, record.ScheduledMinutes, record.AttendedMinutes, record.ValidAbsenceMinutes, record.InvalidAbsenceMinutes);
        }

        violations.ThrowIfAny();
        var unknown = ids.Select((id, i) => (id, Field: $"records[{i}].student")).Where(s => known is null || !known.Contains(s.id)).ToList();
        if (unknown.Count > 0)
        {
            await students.ReachableAsync(context, unknown);
        }

        var batch = new Dictionary<string, List<LessonAttendance>>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            (batch.TryGetValue(ids[i], out var list) ? list : batch[ids[i]] = []).Add(lessons[i]);
        }

        return batch;
    }

    /// <summary>One grain call per student, some in parallel; each call returns once that student's records are stored.</summary>
    private Task ApplyAttendanceAsync(Dictionary<string, List<LessonAttendance>> batch, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelStudents, CancellationToken = cancellationToken },
            async (student, _) => await ApiCalls.RunAsync(async () =>
            {
                await grains.GetGrain<IStudentGrain>(student.Key).RecordAttendance(student.Value);
                return true;
            }));
}
