using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Identity;
using ChatOps.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>Hands out table clients, creating each table once on first use (and again after a failed attempt).</summary>
internal sealed class Tables
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public Tables(IOptions<StorageOptions> options, ChatOpsMetrics metrics)
    {
        var o = options.Value;
        var clientOptions = new TableClientOptions { RetryPolicy = new StorageRetries(o.MaxRetries, metrics) };
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        _service = !string.IsNullOrWhiteSpace(o.ConnectionString)
            ? new TableServiceClient(o.ConnectionString, clientOptions)
            : new TableServiceClient(o.TableServiceUri, new DefaultAzureCredential(), clientOptions);
        _prefix = o.TablePrefix;
    }

    public async Task<TableClient> GetAsync(string name, CancellationToken ct)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(_prefix + n)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var client = _service.GetTableClient(table);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
