using PlugInnan.Grains.Rules;

namespace PlugInnan.Grains.Schools;

/// <summary>
/// One school unit: profile, routine settings, calendar, and the roster its students keep current.
/// Settings are stored before a call returns, and so is who the school's students are (a small state
/// of its own, <see cref="SchoolMembers"/>). A roster entry's summary is derived data (each student is
/// its source) and changes with every attendance import, so summaries are written behind, at most once
/// per <see cref="RosterWriteDelay"/> and on deactivation; one lost in a crash heals at the nightly
/// refresh, which reaches every member.
/// </summary>
[GrainType("school")]
public sealed class SchoolGrain(
    [PersistentState("school")] IPersistentState<SchoolState> state,
    [PersistentState("members")] IPersistentState<SchoolMembers> members,
    SchoolClock time) : Grain, ISchoolGrain
{
    public static readonly TimeSpan RosterWriteDelay = TimeSpan.FromSeconds(2);

    private IGrainTimer? pendingWrite;

    public Task Configure(SchoolProfile profile)
    {
        SchoolRecordRules.Check(profile);
        state.State.Profile = profile;
        return WriteNowAsync();
    }

    public Task SetRoutines(RoutineSettings routines)
    {
        SchoolRecordRules.Check(routines);
        state.State.Routines = routines;
        return WriteNowAsync();
    }

    public Task SetCalendar(SchoolCalendar calendar)
    {
        SchoolRecordRules.Check(calendar);
        state.State.Calendar = calendar;
        return WriteNowAsync();
    }

    public Task<SchoolProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public Task<SchoolSettings> GetSettings() => Task.FromResult(new SchoolSettings(state.State.Routines, state.State.Calendar));

    public Task UpdateStudent(StudentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        state.State.Roster[summary.StudentId] = summary;
        WriteLater();
        return members.State.Students.Add(summary.StudentId) ? members.WriteOrRestoreAsync(DeactivateOnIdle) : Task.CompletedTask;
    }

    public Task RemoveStudent(string studentId)
    {
        if (state.State.Roster.Remove(studentId))
        {
            WriteLater();
        }

        return members.State.Students.Remove(studentId) ? members.WriteOrRestoreAsync(DeactivateOnIdle) : Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetMembers() =>
        Task.FromResult<IReadOnlyList<string>>([.. members.State.Students.Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<StudentSummary>> GetRoster() =>
        Task.FromResult<IReadOnlyList<StudentSummary>>([.. state.State.Roster.Values.OrderBy(s => s.StudentId, StringComparer.Ordinal)]);

    public Task ArchiveLeavers(IReadOnlyList<LeaverRecord> leavers)
    {
        ArgumentNullException.ThrowIfNull(leavers);
        var added = leavers.Count(l => state.State.Leavers.TryAdd(l.StudentId, l));
        return added == 0 ? Task.CompletedTask : WriteNowAsync();
    }

    public async Task<IReadOnlyList<string>> PurgeLeavers(DateOnly leftBefore)
    {
        var purged = state.State.Leavers.Values.Where(l => l.LeftOn < leftBefore).Select(l => l.StudentId).ToList();
        foreach (var id in purged)
        {
            state.State.Leavers.Remove(id);
        }

        if (purged.Count > 0)
        {
            await WriteNowAsync();
        }

        return purged;
    }

    public Task<IReadOnlyList<LeaverRecord>> GetLeavers() =>
        Task.FromResult<IReadOnlyList<LeaverRecord>>([.. state.State.Leavers.Values.OrderBy(l => l.StudentId, StringComparer.Ordinal)]);

    public Task<EngagementFigures> GetFigures() =>
        Task.FromResult(FigureRules.FromRoster(state.State.Roster.Values, SwedishTime.Today(time), state.State.Leavers.Values));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (pendingWrite is not null)
        {
            CancelPendingWrite();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>Settings and the leaver archive are stored before the call returns (the roster, pending or not, goes with them).</summary>
    private Task WriteNowAsync()
    {
        CancelPendingWrite();
        return state.WriteOrRestoreAsync(DeactivateOnIdle);
    }

    private void WriteLater() =>
        pendingWrite ??= this.RegisterGrainTimer(WriteRosterAsync, RosterWriteDelay, Timeout.InfiniteTimeSpan);

    private async Task WriteRosterAsync()
    {
        CancelPendingWrite();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            WriteLater(); // the roster stays in memory; try again
            throw;
        }
    }

    private void CancelPendingWrite()
    {
        pendingWrite?.Dispose();
        pendingWrite = null;
    }
}
