using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>
/// Mutated and generated activities, posted with valid tokens to one bot: never a server error, in the HTTP status or in an
/// invoke's answer, nothing logged at Error, and the bot still answers afterwards. Quick by default (a fixed seed);
/// <c>CHATOPS_FUZZ_CASES=20000</c> runs long with a fresh seed (or <c>CHATOPS_FUZZ_SEED</c>), each failure printing its replay.
/// </summary>
public sealed class ActivityFuzzTests(FuzzHost fuzz, ITestOutputHelper output) : IClassFixture<FuzzHost>
{
    private const int QuickCases = 200;
    private const ulong QuickSeed = 20261123;

    /// <summary>What Teams may be answered: done, refused (bad body, auth, size, type) or not implemented. Never 5xx.</summary>
    private static readonly int[] Acceptable = [200, 201, 202, 400, 401, 404, 413, 415, 501];

    [Fact]
    public async Task Mutated_and_generated_activities_never_get_a_server_error_and_the_bot_keeps_answering()
    {
        var (cases, seed) = Settings();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(ActivityMutations.Cases(fuzz.Scene).ToArbitrary(), async c =>
        {
            if (Interlocked.Increment(ref sent) % 500 == 0)
                fuzz.Host.Connector.Clear();
            var errorsBefore = fuzz.Logs.Errors.Count;
            var (status, body) = await fuzz.PostAsync(c.Body);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            Assert.True(Acceptable.Contains(status), $"HTTP {status}: {body}");
            Assert.True(InvokeStatus(body) is not >= 500, $"the invoke was answered with {body}");
            Assert.True(fuzz.Logs.Errors.Count == errorsBefore, string.Join("\n", fuzz.Logs.Errors.Skip(errorsBefore)));
        });

        // Off xunit's synchronisation context: FsCheck waits for each case's task.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithEndSize(40).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 1), FSharpOption<int>.None))), property));

        output.WriteLine($"{cases} cases, seed {seed}, {clock.Elapsed.TotalSeconds:0.0} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        await StillAnswersAsync();
        Assert.Empty(fuzz.Logs.Errors);
    }

    /// <summary>The process is still up and its turns still work end to end.</summary>
    private async Task StillAnswersAsync()
    {
        var help = ApprovalHost.As(ApprovalHost.Alex, TeamsActivities.Message(fuzz.Scene.ServiceUrl, "help"));
        var response = await fuzz.Host.PostAsync(help);
        Assert.Equal(200, (int)response.StatusCode);
        await fuzz.Host.Connector.WaitForAsync(r => r.Body.Contains((string)help["id"]!, StringComparison.Ordinal));
    }

    /// <summary>An invoke's answer carries its own status; a 5xx there is a server error Teams shows the user.</summary>
    private static int? InvokeStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("statusCode", out var s) && s.TryGetInt32(out var code) ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (int Cases, ulong Seed) Settings()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("CHATOPS_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : QuickCases;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("CHATOPS_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s
            : cases == QuickCases ? QuickSeed : (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        return (cases, seed);
    }
}
