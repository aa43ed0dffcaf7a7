namespace PlugInnan.Persistence;

/// <summary>The first answer to a client's request id, and what identified the request.</summary>
public sealed record RecordedResponse(string Method, byte[] RequestHash, byte[] Response);

/// <summary>Answers kept per (client, request id), so a resend gets the first answer instead of acting twice.</summary>
public interface IRequestLog
{
    Task<RecordedResponse?> FindAsync(string client, string requestId, CancellationToken cancellationToken);

    /// <summary>Keeps the answer unless one is kept already (the first answer wins).</summary>
    Task SaveAsync(string client, string requestId, RecordedResponse response, CancellationToken cancellationToken);

    /// <summary>Forgets the answers kept since before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>One audited call: who, from where, what, about which students (pseudonymous ids), and how it ended.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Client,
    string Peer,
    string Method,
    string Outcome,
    string? SchoolUnitCode,
    IReadOnlyList<string> Students);

/// <summary>The audit trail of reads of student data and of refused calls.</summary>
public interface IAuditLog
{
    /// <summary>Stores the entry before returning: a read is only answered once it is on record.</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);
}
