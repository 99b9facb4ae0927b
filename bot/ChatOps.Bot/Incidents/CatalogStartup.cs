using ChatOps.Incidents.Clients;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Incidents;

/// <summary>
/// At start: loads and validates the playbooks and the clients file (a broken one stops the host), then
/// stores the clients into Azure Tables in the background, retrying while storage is unreachable.
/// </summary>
internal sealed class CatalogStartup(
    PlaybookCatalog playbooks, SlaCatalog sla, IOptions<IncidentsOptions> options, IHostEnvironment environment,
    IClientDirectory directory, TimeProvider time, ILogger<CatalogStartup> log) : BackgroundService
{
    private IReadOnlyList<Client> _clients = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Playbooks loaded: {Playbooks}", string.Join(", ", playbooks.All.Keys));
        log.LogInformation("SLA policies loaded: {Policies}", string.Join(", ", sla.Data.Policies.Select(p => p.Id)));
        if (options.Value.ClientsFile is { Length: > 0 } file)
            _clients = ClientFileLoader.Load(Path.Combine(environment.ContentRootPath, file), [.. playbooks.All.Keys]);
        if (_clients.FirstOrDefault(c => c.SlaPolicyId is not null && sla.Policy(c.SlaPolicyId) is null) is { } unknown)
            throw new InvalidOperationException($"Client '{unknown.Id}' names SLA policy '{unknown.SlaPolicyId}', which {options.Value.SlaFile} does not define.");
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(1); _clients.Count > 0 && !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks)))
        {
            try
            {
                foreach (var client in _clients)
                    await directory.UpsertAsync(client, stoppingToken);
                log.LogInformation("Clients stored: {Clients}", string.Join(", ", _clients.Select(c => c.Id)));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not store the clients yet; retrying in {Delay}", delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
