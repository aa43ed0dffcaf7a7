namespace PlugInnan.Grains;

[GrainType("startup-log")]
public sealed class StartupLogGrain(
    [PersistentState("log")] IPersistentState<StartupLogState> state,
    SchoolClock timeProvider) : Grain, IStartupLogGrain
{
    public async Task<StartupRecord> RecordStart(string version)
    {
        var log = state.State;
        log.PreviousStart = log.LastStart;
        log.LastStart = timeProvider.GetUtcNow();
        log.Starts++;
        log.Version = version;
        await state.WriteStateAsync();
        return ToRecord(log);
    }

    public Task<StartupRecord> GetLog() => Task.FromResult(ToRecord(state.State));

    private static StartupRecord ToRecord(StartupLogState log) => new(log.Starts, log.LastStart, log.PreviousStart, log.Version);
}
