namespace PlugInnan.Grains;

/// <summary>Writing state without leaving a refused change behind in memory.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes the state; if that fails, reads back what is stored so the change the caller was told
    /// failed does not linger in memory, and if even that fails calls <paramref name="discardActivation"/>
    /// (the grain's <c>DeactivateOnIdle</c>). The write's own exception reaches the caller either way.
    /// </summary>
    public static async Task WriteOrRestoreAsync<TState>(this IPersistentState<TState> state, Action discardActivation)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                discardActivation();
            }

            throw;
        }
    }
}
