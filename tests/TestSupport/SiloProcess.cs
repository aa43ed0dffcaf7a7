using System.Collections.Concurrent;
using System.Diagnostics;

namespace PlugInnan.TestSupport;

/// <summary>
/// The real silo executable, run as a separate process the way an operator runs it. The test project
/// references the Silo project, so PlugInnan.Silo.dll sits beside the tests.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private SiloProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', lines);

    /// <summary>The silo's gRPC port: a free one, so tests never collide with a silo on the default 50051.</summary>
    public int GrpcPort { get; private init; }

    /// <summary>The port the other silos of a cluster reach this one on (a free one).</summary>
    public int SiloPort { get; private init; }

    /// <summary>The operators' HTTP port: health and Hangfire's dashboard (a free one).</summary>
    public int OperatorPort { get; private init; }

    /// <summary>The process id, to kill it the way an operator's `kill -9` does.</summary>
    public int ProcessId => process.Id;

    public static SiloProcess Start(string workingFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var ports = LoopbackPorts.Free(4);
        var (port, siloPort, gatewayPort, operatorPort) = (ports[0], ports[1], ports[2], ports[3]);
        var silo = Path.Combine(AppContext.BaseDirectory, "PlugInnan.Silo.dll");
        // Through env, which puts SIGINT back to its default: a test run started in the background of a
        // non-interactive shell inherits SIGINT ignored, and the silo would never see the Ctrl+C we send.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--default-signal=INT", "dotnet", silo])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Grpc__Endpoint__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Silo__Cluster__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Silo__Cluster__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Silo__Operator__Port"] = operatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Silo__Scheduling__PollInterval"] = "00:00:00.5"; // tests only: the shipped 15 s would make every job test wait
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("The silo did not start.")) { GrpcPort = port, SiloPort = siloPort, OperatorPort = operatorPort };
    }

    public async Task WaitForOutputAsync(string text, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited && !lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"The silo exited ({process.ExitCode}) before printing '{text}':\n{Output}");
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The silo did not print '{text}' within {seconds} s:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C sends, and waits for the process to end.</summary>
    public async Task<int> InterruptAsync(int seconds = 60)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(seconds);
    }

    public async Task<int> WaitForExitAsync(int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo did not exit within {seconds} s:\n{Output}");
        }

        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
