using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Incidents.Tests.Rotations;

public sealed class RotationFileTests
{
    private const string Valid = """
        people:
          - { id: alex, aadObjectId: aad-alex, name: Alex Wilber, teamsId: user-id-0 }
          - { id: megan, aadObjectId: aad-megan, name: Megan Bowen }
        rotations:
          - id: primary
            name: Primary on-call
            timeZone: Asia/Shanghai
            layers:
              - name: weekly
                kind: weekly
                start: 2026-11-02
                handoff: "09:00"
                participants: [alex, megan]
              - name: day
                kind: daily
                start: 2026-11-02
                handoff: "09:00"
                only: { days: [monday, friday], from: "09:00", to: "18:00" }
                participants: [megan]
        escalationPolicies:
          - id: security-incident
            name: Security incident
            repeat: 2
            levels:
              - { rotation: primary, waitMinutes: 15 }
              - { person: megan, waitMinutes: 30 }
        """;

    [Fact]
    public void A_valid_file_loads_its_rotations_layers_and_policies()
    {
        var file = RotationFileLoader.Parse(Valid, "rotations.yaml");

        var rotation = Assert.Single(file.Rotations);
        Assert.Equal(("primary", "Asia/Shanghai", 2), (rotation.Id, rotation.TimeZone, rotation.Layers.Count));
        Assert.Equal((ShiftKind.Weekly, new TimeOnly(9, 0), new DateOnly(2026, 11, 2)), (rotation.Layers[0].Kind, rotation.Layers[0].Handoff, rotation.Layers[0].Start));
        Assert.Equal(["Alex Wilber", "Megan Bowen"], rotation.Layers[0].Participants.Select(p => p.Name));
        Assert.Equal("user-id-0", rotation.Layers[0].Participants[0].TeamsId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], rotation.Layers[1].Only!.Days);
        var policy = Assert.Single(file.Policies);
        Assert.Equal((2, "primary", "aad-megan"), (policy.Repeat, policy.Levels[0].RotationId, policy.Levels[1].Person!.AadObjectId));
        Assert.Equal(TimeSpan.FromMinutes(15), policy.Levels[0].Wait);
    }

    [Theory]
    [InlineData("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus", "rotations[0].timeZone", 7)]
    [InlineData("- { id: alex,", "- { id: Alex,", "people[0].id", 2)]
    [InlineData("kind: weekly", "kind: hourly", "rotations[0].layers[0].kind", 10)]
    [InlineData("start: 2026-11-02\n        handoff: \"09:00\"\n        participants: [alex, megan]", "start: 2026-11-31\n        handoff: \"09:00\"\n        participants: [alex, megan]", "rotations[0].layers[0].start", 11)]
    [InlineData("handoff: \"09:00\"\n        participants: [alex, megan]", "handoff: \"9am\"\n        participants: [alex, megan]", "rotations[0].layers[0].handoff", 12)]
    [InlineData("kind: weekly", "kind: weekly\n        handoffDay: wednesday", "rotations[0].layers[0].handoffDay", 11)]
    [InlineData("participants: [alex, megan]", "participants: [alex, lee]", "rotations[0].layers[0].participants", 13)]
    [InlineData("participants: [alex, megan]", "participants: []", "rotations[0].layers[0].participants", 13)]
    [InlineData("days: [monday, friday]", "days: [monday, funday]", "rotations[0].layers[1].only.days", 18)]
    [InlineData("to: \"18:00\"", "to: \"09:00\"", "rotations[0].layers[1].only.to", 18)]
    [InlineData("{ rotation: primary, waitMinutes: 15 }", "{ rotation: tertiary, waitMinutes: 15 }", "escalationPolicies[0].levels[0].rotation", 25)]
    [InlineData("{ rotation: primary, waitMinutes: 15 }", "{ rotation: primary }", "escalationPolicies[0].levels[0].waitMinutes", 25)]
    [InlineData("{ rotation: primary, waitMinutes: 15 }", "{ rotation: primary, person: alex, waitMinutes: 15 }", "escalationPolicies[0].levels[0].rotation", 25)]
    [InlineData("{ person: megan, waitMinutes: 30 }", "{ person: lee, waitMinutes: 30 }", "escalationPolicies[0].levels[1].person", 26)]
    [InlineData("repeat: 2", "repeat: 11", "escalationPolicies[0].repeat", 23)]
    [InlineData("- { id: megan, aadObjectId: aad-megan, name: Megan Bowen }", "- { id: megan, name: Megan Bowen }", "people[1].aadObjectId", 3)]
    public void A_bad_entry_names_the_file_line_and_field(string good, string bad, string field, long line)
    {
        var yaml = Valid.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);

        var error = Assert.Throws<DataFileException>(() => RotationFileLoader.Parse(yaml, "rotations.yaml"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((field, "rotations.yaml", line), (problem.Field.TrimStart('.'), problem.File, problem.Line));
        Assert.StartsWith($"rotations.yaml:{line}: {problem.Field}: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotation_id_used_twice_is_refused()
    {
        var twice = Valid.Replace("escalationPolicies:", """
              - id: primary
                name: Again
                timeZone: UTC
                layers:
                  - { name: l, kind: daily, start: 2026-11-02, handoff: "09:00", participants: [alex] }
            escalationPolicies:
            """, StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<DataFileException>(() => RotationFileLoader.Parse(twice, "rotations.yaml")).Problems);

        Assert.Contains("'primary' is used more than once", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_development_file_staffs_the_playground_users()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "bot", "ChatOps.Bot", "rotations.Development.yaml");

        var file = RotationFileLoader.Load(path);

        Assert.Equal(["primary", "secondary"], file.Rotations.Select(r => r.Id));
        Assert.Contains(file.Rotations[0].People, p => p is { Name: "Alex Wilber", TeamsId: "user-id-0", AadObjectId: "00000000-0000-0000-0000-0000000000020" });
        Assert.Contains(file.Rotations.SelectMany(r => r.People), p => p is { Name: "Lee Gu", TeamsId: "user-id-3" });
        Assert.Equal(["primary", "secondary", null], Assert.Single(file.Policies).Levels.Select(l => l.RotationId));
    }
}
