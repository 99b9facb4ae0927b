using System.Text.Json;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>The incident store against Azurite: the same code path as Azure Tables.</summary>
public sealed class TableIncidentStoreTests
{
    private static readonly Playbook Playbook = PlaybookLoader.Load(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"));
    private static readonly Person Commander = new("aad-commander", "Casey");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly TableIncidentStore _store;

    public TableIncidentStoreTests()
    {
        var tables = new Tables(Options.Create(new StorageOptions { ConnectionString = BotHost.StorageConnection, TablePrefix = "s" + Guid.NewGuid().ToString("N")[..12] }), ChatOps.Bot.Tests.Telemetry.TestMetrics.New());
        _store = new TableIncidentStore(tables, new IncidentIdCounter(tables));
    }

    private static (Incident, IReadOnlyList<TimelineEvent>) Declare(string id) => Incident.Declare(
        id, "contoso", Playbook, Playbook.FindType("ddos")!, Playbook.FindSeverity("P1")!, "Site down", "", Commander, Commander, Now);

    [Fact]
    public async Task An_incident_and_its_timeline_read_back_exactly_and_verify()
    {
        var (incident, events) = Declare("INC-2026-0001");
        var stored = await _store.CreateAsync(incident, events, default);
        var more = incident.SetPointStatus(Playbook, "CP-01", PointStatus.InProgress, null, Commander, Now.AddMinutes(1));
        await _store.SaveAsync(stored, more, default);

        var loaded = await _store.GetAsync("INC-2026-0001", default);
        var timeline = await _store.ReadTimelineAsync("INC-2026-0001", default);

        Assert.Equal(PointStatus.InProgress, loaded!.Incident.Points["CP-01"].Status);
        Assert.Equal(2, timeline.Count);
        Assert.True(ChainVerification.Verify(timeline, loaded.Incident.TimelineHead).Intact);
    }

    [Fact]
    public async Task Two_changes_from_the_same_read_cannot_both_win()
    {
        var (incident, events) = Declare("INC-2026-0002");
        await _store.CreateAsync(incident, events, default);
        var first = (await _store.GetAsync(incident.Id, default))!;
        var second = (await _store.GetAsync(incident.Id, default))!;

        await _store.SaveAsync(first, first.Incident.AddNote("first", Commander, Now), default);
        await Assert.ThrowsAsync<ConcurrencyException>(() => _store.SaveAsync(second, second.Incident.AddNote("second", Commander, Now), default));

        var timeline = await _store.ReadTimelineAsync(incident.Id, default);
        Assert.Equal(["incident.declared", "note.added"], timeline.Select(e => e.Type));
        Assert.Equal("first", (string)timeline[1].Data["text"]!);
    }

    [Fact]
    public async Task An_id_cannot_be_declared_twice()
    {
        var (incident, events) = Declare("INC-2026-0003");
        await _store.CreateAsync(incident, events, default);

        await Assert.ThrowsAsync<ConcurrencyException>(() => _store.CreateAsync(incident, events, default));
    }

    [Fact]
    public async Task A_change_whose_events_collide_stores_neither_state_nor_events()
    {
        var (incident, events) = Declare("INC-2026-0004");
        var stored = await _store.CreateAsync(incident, events, default);
        var loaded = (await _store.GetAsync(incident.Id, default))!;
        // An event numbered like the one already stored: the transaction must fail whole.
        var clash = TimelineEvent.Append(TimelineEvent.Genesis, 1, "note.added", Now, "x", []);

        await Assert.ThrowsAsync<ConcurrencyException>(() => _store.SaveAsync(loaded, [clash], default));

        Assert.Equal(stored.ETag, (await _store.GetAsync(incident.Id, default))!.ETag);
        Assert.Single(await _store.ReadTimelineAsync(incident.Id, default));
    }

    [Fact]
    public async Task A_state_longer_than_one_table_property_holds_saves_and_reads_back_whole()
    {
        var (incident, events) = Declare("INC-2026-0005");
        var stored = await _store.CreateAsync(incident, events, default);
        // Forty items of the longest Chinese text (and an emoji, a surrogate pair, in each): far beyond 32K characters.
        var text = "📎" + new string('证', 498);
        for (var i = 0; i < 40; i++)
        {
            var draft = new EvidenceDraft(EvidenceKind.Log, text, text, Commander, Now, new string('a', 64), text);
            stored = await _store.SaveAsync(stored, stored.Incident.AddEvidence(draft, Commander, Now), default);
        }

        var loaded = (await _store.GetAsync(incident.Id, default))!.Incident;

        Assert.True(JsonSerializer.Serialize(loaded).Length > 32 * 1024 * 4);
        Assert.Equal(40, loaded.Evidence.Count);
        Assert.Equal(text, loaded.Evidence[^1].Location);
        Assert.Equal(stored.Incident.TimelineHead, loaded.TimelineHead);
    }

    [Fact]
    public async Task Concurrent_declarations_get_distinct_sequential_ids()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _store.NextIdAsync(2026, default)));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => IncidentId.Format(2026, n)), ids.Order());
        Assert.Equal("INC-2027-0001", await _store.NextIdAsync(2027, default));
    }

    [Fact]
    public async Task A_channel_message_longer_than_one_table_property_holds_is_recorded_whole()
    {
        var (incident, events) = Declare("INC-2026-0003");
        var stored = await _store.CreateAsync(incident, events, default);
        var text = string.Concat(Enumerable.Repeat("日志 line 😀 ", 10_000));

        await _store.SaveAsync(stored, incident.RecordMessage("posted", "m-1", text, Commander, Now), default);

        var timeline = await _store.ReadTimelineAsync(incident.Id, default);
        Assert.Equal(text, (string)timeline[^1].Data["text"]!);
        Assert.True(ChainVerification.Verify(timeline, incident.TimelineHead).Intact);
    }

    [Theory]
    [InlineData("INC-1/2")]
    [InlineData("INC#1")]
    [InlineData("INC?1")]
    [InlineData(@"INC\1")]
    [InlineData("INC\u00071")]
    [InlineData("")]
    public async Task An_id_that_cannot_be_a_table_key_names_no_incident(string id)
    {
        Assert.Null(await _store.GetAsync(id, default));
        Assert.Empty(await _store.ReadTimelineAsync(id, default));
    }
}
