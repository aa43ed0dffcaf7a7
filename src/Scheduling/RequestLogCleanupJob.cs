using Microsoft.Extensions.Logging;
using PlugInnan.Persistence;
using Quartz;

namespace PlugInnan.Scheduling;

/// <summary>
/// Every night: forgets the API's kept answers older than the retention (30 days), so the request log
/// holds what a client could still resend and no more.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RequestLogCleanupJob(IRequestLog requests, TimeProvider time, ILogger<RequestLogCleanupJob> logger) : IJob
{
    public static readonly JobKey Key = new("request-log-cleanup", "maintenance");

    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = await requests.DeleteOlderThanAsync(time.GetUtcNow() - Retention, cancellationToken);
        LogDeleted(logger, deleted, Retention.TotalDays);
        context.Result = deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request log: {Deleted} answers older than {Days} days forgotten")]
    private static partial void LogDeleted(ILogger logger, int deleted, double days);
}
