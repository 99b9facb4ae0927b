using ChatOps.Benchmarks.Load;
using ChatOps.Benchmarks.Sdk;

namespace ChatOps.Benchmarks.Tests.Sdk;

/// <summary>
/// The sdk benchmark in a few seconds: the botbuilder peer and our bot, against one issuer, answer the same click with a
/// card, refuse forged tokens and take a little load without errors. Speed is the benchmark's business, not asserted here.
/// </summary>
public sealed class SdkBenchmarkTests
{
    private const int Connections = 4;

    [BotBuilderPeerFact]
    public async Task The_botbuilder_peer_and_our_bot_answer_one_click_with_a_card_refuse_forged_tokens_and_take_load_without_errors()
    {
        if (BotBuilderPeer.MissingTools() is { } missing)
            Assert.Fail($"CI runs the botbuilder peer, but {missing}.");
        await BotBuilderPeer.EnsureInstalledAsync(_ => { });
        await using var rig = await BenchmarkRig.StartAsync();
        var clicks = CardClick.Activities(rig);
        await using var targets = await SdkTargets.StartAsync(rig, "test", SdkTargets.All);

        var checks = new List<TargetCheck>();
        foreach (var (target, endpoint) in targets.Endpoints)
            checks.Add(await TargetCheck.RunAsync(target, endpoint, clicks, CardClick.ForgedTokens(rig)));
        Assert.True(checks.All(c => c.Problems.Count == 0), string.Join("\n", checks.SelectMany(c => c.Problems)) + "\nThe peer printed:\n" + targets.PeerOutput);
        Assert.Equal(SdkTargets.All, checks.Select(c => c.Target));
        Assert.All(checks, c => Assert.Equal(3, c.Forged.Count(f => f.Status == 401)));
        // Like for like: the same card shape, within a fifth of the same size.
        Assert.All(checks, c => Assert.Equal(checks[0].CardElements, c.CardElements));
        Assert.All(checks, c => Assert.InRange(c.BodyBytes, checks[0].BodyBytes * 4 / 5, checks[0].BodyBytes * 6 / 5));

        var generator = new LoadGenerator(clicks.NextRequest);
        foreach (var (target, endpoint) in targets.Endpoints)
        {
            var window = TimeSpan.FromSeconds(2);
            var result = LoadResult.From(target, Connections, window, await generator.RunAsync(endpoint, Connections, TimeSpan.FromSeconds(0.5), window));
            Assert.True(result.Errors == 0 && result.Answered > 0, SdkReport.Line(result));
        }
    }

    [Fact]
    public async Task Writing_the_sdk_section_keeps_the_other_sections_and_the_hand_written_notes_after_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "# Load benchmark\n\nrows\n");
            await SdkReport.WriteAsync(path, "# SDK first\n");
            var first = await File.ReadAllTextAsync(path);
            await File.WriteAllTextAsync(path, first + "Notes by hand.\n");
            await SdkReport.WriteAsync(path, "# SDK second\n");

            var text = await File.ReadAllTextAsync(path);
            Assert.StartsWith("# Load benchmark\n\nrows\n", text, StringComparison.Ordinal);
            Assert.Contains("# SDK second", text, StringComparison.Ordinal);
            Assert.DoesNotContain("# SDK first", text, StringComparison.Ordinal);
            Assert.EndsWith("Notes by hand.\n", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
