using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ChatOps.Bot.Telemetry;
using ChatOps.Incidents.Incidents;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Exports in the private blob container "{prefix}-exports", one folder per incident, each file under its own
/// unguessable folder, linked with a read-only SAS: signed with the account key when a connection string is set
/// (Azurite), with a user delegation key from the managed identity otherwise (no account key in Azure).
/// </summary>
internal sealed class BlobExportStore : IExportStore
{
    /// <summary>Clock skew between us and the storage service must not make a fresh link "not yet valid".</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly BlobServiceClient _service;
    private readonly TimeProvider _time;
    private readonly TimeSpan _validity;
    private readonly Lazy<BlobContainerClient> _container;
    private Task? _created;

    public BlobExportStore(IOptions<StorageOptions> options, TimeProvider time, ChatOpsMetrics metrics)
    {
        var o = options.Value;
        var clientOptions = new BlobClientOptions { RetryPolicy = new StorageRetries(o.MaxRetries, metrics) };
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        _service = !string.IsNullOrWhiteSpace(o.ConnectionString)
            ? new BlobServiceClient(o.ConnectionString, clientOptions)
            : new BlobServiceClient(o.BlobServiceUri, new DefaultAzureCredential(), clientOptions);
        _time = time;
        _validity = o.ExportLinkValidity;
        _container = new(() => _service.GetBlobContainerClient(ContainerName(o.TablePrefix)));
    }

    /// <summary>A valid container name (3-63 lower-case letters, digits and single hyphens) from the validated table prefix.</summary>
    public static string ContainerName(string tablePrefix) => tablePrefix.ToLowerInvariant() + "-exports";

    public Task<ExportLink> SaveAsync(string incidentId, string fileName, string contentType, byte[] content, CancellationToken ct) =>
        UploadAsync($"{incidentId}/{Guid.NewGuid():N}/{fileName}", fileName, contentType, content, ct);

    public Task<ExportLink> KeepAsync(string incidentId, string key, string fileName, string contentType, byte[] content, CancellationToken ct) =>
        UploadAsync($"{incidentId}/{key}/{fileName}", fileName, contentType, content, ct);

    public async Task<ExportLink> LinkAsync(string incidentId, string key, string fileName, CancellationToken ct)
    {
        try
        {
            return await SignAsync((await ContainerAsync(ct)).GetBlobClient($"{incidentId}/{key}/{fileName}"), ct);
        }
        catch (Exception e) when (StorageFailure.Is(e) || e is AuthenticationFailedException)
        {
            throw new ExportUnavailableException($"Could not link {fileName} of {incidentId}.", e);
        }
    }

    /// <summary>Reads the exports container's properties (creating it once): whether Blob storage answers.</summary>
    public async Task ProbeAsync(CancellationToken ct) => await (await ContainerAsync(ct)).GetPropertiesAsync(cancellationToken: ct);

    private async Task<ExportLink> UploadAsync(string path, string fileName, string contentType, byte[] content, CancellationToken ct)
    {
        try
        {
            var blob = (await ContainerAsync(ct)).GetBlobClient(path);
            await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = $"attachment; filename=\"{fileName}\"" },
            }, ct);
            return await SignAsync(blob, ct);
        }
        catch (Exception e) when (StorageFailure.Is(e) || e is AuthenticationFailedException)
        {
            throw new ExportUnavailableException($"Could not store {fileName} of {path[..path.IndexOf('/', StringComparison.Ordinal)]}.", e);
        }
    }

    private async Task<ExportLink> SignAsync(BlobClient blob, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var expires = now + _validity;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = blob.BlobContainerName, BlobName = blob.Name, Resource = "b", StartsOn = now - Skew,
        };
        if (blob.CanGenerateSasUri)
            return new ExportLink(blob.GenerateSasUri(sas), expires);
        var key = await _service.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expires) { StartsOn = now - Skew }, ct);
        return new ExportLink(new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, _service.AccountName) }.ToUri(), expires);
    }

    /// <summary>Creates the container once; a failed attempt is forgotten so the next export tries again.</summary>
    private async Task<BlobContainerClient> ContainerAsync(CancellationToken ct)
    {
        var created = _created ??= _container.Value.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: CancellationToken.None);
        try
        {
            await created.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _ = Interlocked.CompareExchange(ref _created, null, created);
            throw;
        }
        return _container.Value;
    }
}
