using ChatOps.Incidents.Rotations;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Rotations;

/// <summary>
/// At start: loads and validates the rotations file (a broken one stops the host naming file, line and field), then
/// stores its rotations and escalation policies in the background, retrying while storage is unreachable. Overrides
/// added by command are stored apart from the definitions, so they outlive the restart and the new file.
/// </summary>
internal sealed class RotationStartup(
    IOptions<RotationsOptions> options, IHostEnvironment environment, IRotationStore store, TimeProvider time, ILogger<RotationStartup> log) : BackgroundService
{
    private RotationFile _file = new([], []);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.File is { Length: > 0 } file)
            _file = RotationFileLoader.Load(Path.Combine(environment.ContentRootPath, file));
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var empty = _file.Rotations.Count == 0 && _file.Policies.Count == 0;
        for (var delay = TimeSpan.FromSeconds(1); !empty && !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks)))
        {
            try
            {
                foreach (var rotation in _file.Rotations)
                    await store.UpsertAsync(rotation, stoppingToken);
                foreach (var policy in _file.Policies)
                    await store.UpsertAsync(policy, stoppingToken);
                log.LogInformation("Rotations stored: {Rotations}; escalation policies: {Policies}",
                    string.Join(", ", _file.Rotations.Select(r => r.Id)), string.Join(", ", _file.Policies.Select(p => p.Id)));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not store the rotations yet; retrying in {Delay}", delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
