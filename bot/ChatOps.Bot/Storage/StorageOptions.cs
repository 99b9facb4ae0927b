using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Storage;

/// <summary>Azure Storage (section Storage): a connection string locally (Azurite), or service URIs with a managed identity in Azure.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>e.g. UseDevelopmentStorage=true for Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net/, used with DefaultAzureCredential when no connection string is set.</summary>
    public Uri? TableServiceUri { get; set; }

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
    }
}
