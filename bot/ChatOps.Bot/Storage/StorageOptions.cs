using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Storage;

/// <summary>Azure Storage (section Storage): a connection string locally (Azurite), or service URIs with a managed identity in Azure.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>e.g. UseDevelopmentStorage=true for Azurite; a secret, as it may carry the account key.</summary>
    [DataType(DataType.Password)]
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net/, used with DefaultAzureCredential when no connection string is set.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>e.g. https://account.blob.core.windows.net/, for exports and reports, beside <see cref="TableServiceUri"/>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>How long a link to an exported file (audit CSV/JSON) works; a user delegation SAS allows at most 7 days.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan ExportLinkValidity { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Prefix of every table name, so several deployments (or test runs) can share one account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$")]
    public string TablePrefix { get; set; } = "chatops";

    /// <summary>Retries of a failed storage call inside one turn; past them the turn fails and the channel retries it.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && TableServiceUri is null)
            yield return new ValidationResult($"Set {Section}:ConnectionString or {Section}:TableServiceUri.", [nameof(ConnectionString)]);
        if (string.IsNullOrWhiteSpace(ConnectionString) && BlobServiceUri is null)
            yield return new ValidationResult($"Set {Section}:ConnectionString or {Section}:BlobServiceUri.", [nameof(BlobServiceUri)]);
        foreach (var (name, uri) in new[] { (nameof(TableServiceUri), TableServiceUri), (nameof(BlobServiceUri), BlobServiceUri) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
                yield return new ValidationResult($"{Section}:{name} must be an absolute https URI (was {uri}).", [name]);
        }
    }
}
