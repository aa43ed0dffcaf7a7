using System.Runtime.ExceptionServices;

namespace PlugInnan.Runtime.Core;

/// <summary>A grain method call whose answer is not available synchronously; it carries the response timeout.</summary>
internal sealed class MethodCall<TResult> : GrainCall
{
    private readonly TaskCompletionSource<TResult> completion = new();
    private readonly MethodInvoker<TResult> invoker;
    private readonly object?[] arguments;
    private readonly long startTimestamp;
    private readonly RuntimeMetrics metrics;
    private readonly ITimer? timeout;

    public MethodCall(MethodInvoker<TResult> invoker, object?[] arguments, GrainProxy target, long startTimestamp)
        : base(invoker.Flags)
    {
        this.invoker = invoker;
        this.arguments = arguments;
        this.startTimestamp = startTimestamp;
        var runtime = target.Runtime;
        metrics = runtime.Metrics;
        var limit = runtime.Options.ResponseTimeout;
        if (limit != Timeout.InfiniteTimeSpan)
        {
            var message = $"No response from {target.Id}.{invoker.Name} within {limit}. A call cycle between " +
                "non-reentrant grains (A calls B calls A) also ends here.";
            timeout = runtime.TimeProvider.CreateTimer(
                static state =>
                {
                    var (call, text) = ((MethodCall<TResult>, string))state!;
                    call.completion.TrySetException(new TimeoutException(text));
                },
                (this, message),
                limit,
                Timeout.InfiniteTimeSpan);
        }
    }

    public Task<TResult> Task => completion.Task;

    public override bool IsAbandoned => completion.Task.IsCompleted;

    public override Task Start(Grain grain) => invoker.StartSafely(grain, arguments);

    public override void Complete(Task grainTask)
    {
        timeout?.Dispose();
        metrics.CallEnded(startTimestamp);
        if (grainTask.IsCompletedSuccessfully)
        {
            completion.TrySetResult(grainTask is Task<TResult> typed ? typed.Result : default!);
        }
        else if (grainTask.IsCanceled)
        {
            completion.TrySetCanceled(CancellationTokenOf(grainTask));
        }
        else
        {
            // All inner exceptions, so the caller's await rethrows the grain's own exception, unwrapped.
            completion.TrySetException(grainTask.Exception!.InnerExceptions);
        }
    }

    public override void Fail(Exception error)
    {
        timeout?.Dispose();
        completion.TrySetException(error);
    }

    private static CancellationToken CancellationTokenOf(Task canceled)
    {
        try
        {
            canceled.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            return e.CancellationToken;
        }
        catch (Exception e)
        {
            ExceptionDispatchInfo.Capture(e).Throw();
        }

        return CancellationToken.None;
    }
}
