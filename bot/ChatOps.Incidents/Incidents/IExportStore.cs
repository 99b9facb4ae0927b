namespace ChatOps.Incidents.Incidents;

/// <summary>Where files made for the client (audit exports, reports) are kept, handed out as read-only links that expire.</summary>
public interface IExportStore
{
    /// <summary>Stores the file under the incident and returns a read-only link; fails with <see cref="ExportUnavailableException"/>.</summary>
    Task<ExportLink> SaveAsync(string incidentId, string fileName, string contentType, byte[] content, CancellationToken ct);

    /// <summary>Stores (or replaces: idempotent) a file kept under a fixed key of the incident, such as a report version.</summary>
    Task<ExportLink> KeepAsync(string incidentId, string key, string fileName, string contentType, byte[] content, CancellationToken ct);

    /// <summary>A fresh read-only link to a kept file; fails with <see cref="ExportUnavailableException"/>.</summary>
    Task<ExportLink> LinkAsync(string incidentId, string key, string fileName, CancellationToken ct);
}

/// <summary>A read-only link to a stored file and the moment it stops working.</summary>
public sealed record ExportLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>The file could not be stored or its link signed (storage down, credential refused): nothing was handed out.</summary>
public sealed class ExportUnavailableException(string message, Exception inner) : Exception(message, inner);
