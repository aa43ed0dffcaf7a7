using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using PlugInnan.Persistence;

namespace PlugInnan.Scheduling.Jobs;

/// <summary>
/// Every night: forgets the API's kept answers older than the retention (30 days), so the request log
/// holds what a client could still resend and no more.
/// </summary>
[DisableConcurrentExecution(JobPolicy.LockWaitSeconds)]
[AutomaticRetry(Attempts = JobPolicy.Retries, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed partial class RequestLogCleanupJob(IRequestLog requests, TimeProvider time, ILogger<RequestLogCleanupJob> logger)
{
    public const string Id = "request-log-cleanup";

    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>The method stored jobs name: keep its name and signature.</summary>
    [DisplayName("Gamla API-svar glöms")]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var deleted = await requests.DeleteOlderThanAsync(time.GetUtcNow() - Retention, cancellationToken);
        LogDeleted(logger, deleted, Retention.TotalDays);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request log: {Deleted} answers older than {Days} days forgotten")]
    private static partial void LogDeleted(ILogger logger, int deleted, double days);
}
