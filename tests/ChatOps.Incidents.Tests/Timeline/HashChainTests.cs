using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Timeline;

public sealed class HashChainTests
{
    private static List<TimelineEvent> History()
    {
        var (incident, events) = Incident.Declare("INC-2026-0007", "contoso", Playbook, Playbook.FindType("webshell")!, Playbook.FindSeverity("P3")!,
            "Webshell on portal", "", Commander, Responder, Now);
        var all = events.ToList();
        all.AddRange(incident.SetPointStatus(Playbook, "CP-01", PointStatus.InProgress, null, Responder, Now.AddMinutes(1)));
        all.AddRange(incident.AddNote("First call with the client", Responder, Now.AddMinutes(2)));
        all.AddRange(incident.SetPointStatus(Playbook, "CP-01", PointStatus.Done, null, Responder, Now.AddMinutes(3)));
        return all;
    }

    [Fact]
    public void An_untouched_timeline_verifies_as_intact()
    {
        var result = ChainVerification.Verify(History());

        Assert.True(result.Intact);
        Assert.Equal(4, result.Count);
    }

    [Fact]
    public void An_altered_event_is_named_as_the_first_broken_link()
    {
        var events = History();
        events[2] = events[2] with { Data = new JsonObject { ["text"] = "Nothing happened" } };

        var result = ChainVerification.Verify(events);

        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAt);
    }

    [Fact]
    public void A_removed_event_and_a_dropped_tail_are_both_detected()
    {
        var events = History();
        var head = events[^1].Hash;

        var gap = ChainVerification.Verify([events[0], events[2], events[3]]);
        var tail = ChainVerification.Verify(events[..3], head);

        Assert.Equal(2, gap.BrokenAt);
        Assert.Equal(4, tail.BrokenAt);
    }

    [Fact]
    public void A_rehashed_forgery_still_breaks_the_next_link()
    {
        var events = History();
        var forged = TimelineEvent.Append(events[1].Hash, 3, "note.added", events[2].At, events[2].Actor, new JsonObject { ["text"] = "forged" });
        events[2] = forged;

        Assert.Equal(4, ChainVerification.Verify(events).BrokenAt);
    }

    [Fact]
    public void Hashes_are_computed_as_the_first_formulation_did_so_stored_chains_still_verify()
    {
        var data = new JsonObject
        {
            ["text"] = "事件 <b>\"quoted\"</b> & \u0001 \U0001F600", ["point"] = null, ["revision"] = 2, ["ratio"] = 0.5, ["ok"] = true,
            ["targets"] = new JsonArray("aad-1", "aad-2"), ["nested"] = new JsonObject { ["z"] = 1, ["a"] = new JsonArray(new JsonObject { ["b"] = "c" }) },
        };
        var stored = JsonNode.Parse(data.ToJsonString())!.AsObject();
        List<TimelineEvent> events = [.. History(), TimelineEvent.Append(History()[^1].Hash, 5, "note.added", Now.AddMinutes(4), "aad-x", data)];
        events.Add(TimelineEvent.Append(events[^1].Hash, 6, "note.added", Now.AddMinutes(5), "aad-x", stored));

        Assert.All(events, e => Assert.Equal(FirstFormulation(e), e.Hash));
        // The same data read back from storage (JsonElement-backed) hashes as it did in memory.
        Assert.Equal(FirstFormulation(events[^1] with { Data = data }), events[^1].Hash);
    }

    /// <summary>The hash as first written (a deep copy of the data in a JSON object, serialised canonically, bytes concatenated).</summary>
    private static string FirstFormulation(TimelineEvent e)
    {
        var content = new JsonObject
        {
            ["seq"] = e.Sequence, ["type"] = e.Type, ["at"] = e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["actor"] = e.Actor, ["data"] = e.Data.DeepClone(),
        };
        var bytes = System.Text.Encoding.ASCII.GetBytes(e.PreviousHash).Concat(CanonicalJson.Serialize(content)).ToArray();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    [Fact]
    public void Canonical_json_ignores_key_order_and_keeps_chinese_text()
    {
        var a = CanonicalJson.Serialize(JsonNode.Parse("""{"b":1,"a":{"y":"事件","x":[1,2]}}"""));
        var b = CanonicalJson.Serialize(JsonNode.Parse("""{ "a": { "x": [1, 2], "y": "事件" }, "b": 1 }"""));

        Assert.Equal(a, b);
        Assert.Equal("""{"a":{"x":[1,2],"y":"事件"},"b":1}""", System.Text.Encoding.UTF8.GetString(a));
    }

    [Fact]
    public void An_incident_survives_a_round_trip_through_json()
    {
        var incident = Declare();
        incident.Assign(Playbook, "CP-01", Responder, Commander, Now);

        var copy = JsonSerializer.Deserialize<Incident>(JsonSerializer.Serialize(incident))!;

        Assert.Equal(incident.TimelineHead, copy.TimelineHead);
        Assert.Equal(incident.Version, copy.Version);
        Assert.Equal(Responder, copy.Points["CP-01"].Assignee);
        Assert.Equal(incident.Commander, copy.Commander);
    }
}
