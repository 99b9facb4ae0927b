using ChatOps.Incidents.Rotations;
using static ChatOps.Incidents.Tests.Rotations.RotationFixture;

namespace ChatOps.Incidents.Tests.Rotations;

public sealed class EscalationPolicyTests
{
    private static readonly Rotation Primary = In("Asia/Shanghai", Weekly("09:00", "2026-11-02", Alex, Megan));
    private static readonly Rotation Secondary = In("America/New_York", Daily("08:00", "2026-11-02", Lee, Adele)) with { Id = "secondary" };

    private static readonly EscalationPolicy Policy = new("security-incident", "Security incident",
        [new EscalationLevel("primary", null, 15), new EscalationLevel("secondary", null, 10), new EscalationLevel(null, Megan, 30)]) { Repeat = 1 };

    private static Rotation? Find(string id) => new[] { Primary, Secondary }.FirstOrDefault(r => r.Id == id);

    [Fact]
    public void Each_level_resolves_to_whoever_its_rotation_has_on_call_or_its_person()
    {
        var at = At("2026-11-10T02:00:00Z"); // Tuesday 10:00 in Shanghai (Megan's week), Monday 21:00 in New York (Adele's day)

        var targets = Policy.Resolve(at, Find);

        Assert.Equal([Megan, Adele, Megan], targets.Select(t => t.Person));
        Assert.Equal([1, 2, 3], targets.Select(t => t.Level));
        Assert.Equal("weekly", targets[0].OnCall!.Layer);
        Assert.Null(targets[2].OnCall);
        Assert.Equal(Adele, Policy.Resolve(2, at, Find).Person);
    }

    [Fact]
    public void An_override_changes_who_level_one_pages()
    {
        var at = At("2026-11-10T02:00:00Z");
        var (covered, _) = Primary.Override(Lee, at.AddHours(-1), at.AddHours(1), Megan, at);

        Assert.Equal(Lee, Policy.Resolve(1, at, id => id == "primary" ? covered : Find(id)).Person);
    }

    [Fact]
    public void A_level_whose_rotation_has_nobody_resolves_to_nobody()
    {
        var target = Policy.Resolve(1, At("2026-10-01T00:00:00Z"), Find);

        Assert.Null(target.Person);
        Assert.Null(Policy.Resolve(2, At("2026-11-10T02:00:00Z"), _ => null).Person);
    }

    [Fact]
    public void The_steps_wait_each_levels_minutes_and_repeat_the_sequence()
    {
        var steps = Policy.Steps();

        Assert.Equal(
            [
                new EscalationStep(0, 1, TimeSpan.Zero), new EscalationStep(0, 2, TimeSpan.FromMinutes(15)), new EscalationStep(0, 3, TimeSpan.FromMinutes(25)),
                new EscalationStep(1, 1, TimeSpan.FromMinutes(55)), new EscalationStep(1, 2, TimeSpan.FromMinutes(70)), new EscalationStep(1, 3, TimeSpan.FromMinutes(80)),
            ],
            steps);
    }
}
