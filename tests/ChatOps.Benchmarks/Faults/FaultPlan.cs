using System.Globalization;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// The faults of a run, each at a fraction of the load's length: Azurite stopped and started again; the Bot Connector
/// throttling everything (429, Retry-After) and then failing most requests (502); the bot killed (SIGKILL) mid-turn and
/// started again; PostgreSQL stopped under Hangfire (fast shutdown) and started again. One at a time, in this order.
/// </summary>
internal sealed class FaultPlan(FaultRig rig, TimeSpan duration, TimeSpan outage)
{
    public const string Azurite = "azurite";
    public const string Throttle = "throttle";
    public const string BadGateway = "bad-gateway";
    public const string Kill = "kill";
    public const string Postgres = "postgres";
    public static readonly string[] All = [Azurite, Throttle, BadGateway, Kill, Postgres];

    private readonly List<FaultWindow> _windows = [];

    public IReadOnlyList<FaultWindow> Windows => _windows;

    /// <summary>Runs the chosen faults at their times from <paramref name="started"/> (the load's start).</summary>
    public async Task RunAsync(IReadOnlyCollection<string> faults, long started, Action<string> progress, CancellationToken ct)
    {
        (string Name, double At, Func<Task> Act)[] steps =
        [
            (Azurite, 0.12, async () => { await rig.Azurite.StopAsync(); await Task.Delay(outage, rig.Time, ct); await rig.Azurite.StartAsync(); }),
            (Throttle, 0.25, async () => { rig.Connector.BeginStorm(429, 1.0, "1"); await Task.Delay(outage * 1.5, rig.Time, ct); rig.Connector.EndStorm(); }),
            (BadGateway, 0.40, async () => { rig.Connector.BeginStorm(502, 0.6); await Task.Delay(outage * 1.5, rig.Time, ct); rig.Connector.EndStorm(); }),
            (Kill, 0.55, async () => { rig.Bot.Kill(); await rig.Bot.StartAsync(); }),
            (Postgres, 0.70, async () => { await rig.Postgres.StopAsync(); await Task.Delay(outage, rig.Time, ct); await rig.Postgres.StartAsync(); }),
        ];
        foreach (var (name, at, act) in steps.Where(s => faults.Contains(s.Name)))
        {
            var wait = duration * at - rig.Time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, rig.Time, ct);
            var from = rig.Time.GetElapsedTime(started);
            progress(string.Create(CultureInfo.InvariantCulture, $"{from.TotalSeconds,6:0.0} s  fault {name} begins"));
            await act();
            var to = rig.Time.GetElapsedTime(started);
            progress(string.Create(CultureInfo.InvariantCulture, $"{to.TotalSeconds,6:0.0} s  fault {name} over ({(to - from).TotalSeconds:0.0} s)"));
            _windows.Add(new FaultWindow(name, from, to));
        }
    }

    public static IReadOnlyList<string> Parse(string value) =>
        value == "none" ? []
        : value == "all" ? All
        : [.. value.Split(',').Select(f => All.Contains(f) ? f : throw new ArgumentException($"unknown fault '{f}' (known: {string.Join(", ", All)}, all, none)"))];
}

/// <summary>When a fault began and ended, from the load's start (a restart's end is when the bot or store answered again).</summary>
internal sealed record FaultWindow(string Name, TimeSpan From, TimeSpan To);
