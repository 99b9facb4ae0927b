using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Rotations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatOps.Incidents.Tests.Rotations;

/// <summary>
/// Rotations of any shape in zones with and without DST (north and south), at any instant of two years: someone is
/// always on call where a layer covers 24×7, and <see cref="Rotation.Next"/> is the first change, never a false one.
/// </summary>
public sealed class RotationProperties
{
    private static readonly string[] Zones = ["America/New_York", "Asia/Shanghai", "Europe/London", "Australia/Sydney", "UTC"];
    private static readonly Person[] People = [.. Enumerable.Range(0, 5).Select(i => new Person($"aad-{i}", $"Person {i}"))];
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Property(MaxTest = 300, Arbitrary = [typeof(Inputs)])]
    public bool Exactly_one_person_is_on_call_at_any_instant_when_a_layer_covers_24x7(Shape shape, Instant at)
    {
        var rotation = shape.Rotation();
        var onCall = rotation.WhoIsOnCall(at.Value);
        var shift = rotation.Layers[0].ShiftAt(at.Value, rotation.Zone());
        return onCall is not null && rotation.People.Count(p => onCall.Is(p)) == 1
            && (shape.Restricted || (shift is not null && shift.Start <= at.Value && at.Value < shift.End && onCall.Is(shift.Person)));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Inputs)])]
    public bool Next_is_after_the_instant_the_person_changes_there_and_not_before(Shape shape, Instant at)
    {
        var rotation = shape.Rotation();
        var now = rotation.WhoIsOnCall(at.Value)!;
        var next = rotation.Next(at.Value);
        if (next is null)
            return false;
        var between = Enumerable.Range(1, 16).Select(i => at.Value + (next.At - at.Value) * i / 17).Append(next.At.AddTicks(-1));
        return next.At > at.Value && next.OnCall is not null && !now.Is(next.OnCall.Person)
            && next.OnCall == rotation.WhoIsOnCall(next.At)
            && between.All(t => now.Is(rotation.WhoIsOnCall(t)?.Person));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Inputs)])]
    public bool Shifts_start_at_the_local_handoff_time_unless_the_clocks_skip_it(Shape shape, Instant at)
    {
        var rotation = shape.Rotation();
        var layer = rotation.Layers[0];
        var zone = rotation.Zone();
        var shift = layer.ShiftAt(at.Value, zone)!;
        var local = ZonedTime.Local(shift.Start, zone);
        var skipped = zone.IsInvalidTime(local.Date + layer.Handoff.ToTimeSpan());
        return skipped ? local.TimeOfDay > layer.Handoff.ToTimeSpan() : TimeOnly.FromDateTime(local) == layer.Handoff;
    }

    /// <summary>A 24×7 base layer of 2–5 people, optionally under a business-hours layer of one other person, in one of the zones.</summary>
    public sealed record Shape(string Zone, ShiftKind Kind, TimeOnly Handoff, int People, bool Restricted)
    {
        public Rotation Rotation()
        {
            var layers = new List<RotationLayer> { new("base", Kind, Handoff, Start, RotationProperties.People[..People]) };
            if (Restricted)
                layers.Add(new RotationLayer("day", ShiftKind.Daily, new TimeOnly(9, 0), Start, [RotationProperties.People[4]]) { Only = TimeWindow.BusinessHours });
            return new Rotation("r", "R", Zone, layers);
        }
    }

    /// <summary>An instant after the start of every generated rotation.</summary>
    public sealed record Instant(DateTimeOffset Value);

    public static class Inputs
    {
        public static Arbitrary<Shape> Shapes() =>
            (from zone in Gen.Elements(Zones)
             from weekly in Gen.Elements(false, true)
             from minutes in Gen.Choose(0, 24 * 4 - 1).Select(quarter => quarter * 15)
             from people in Gen.Choose(2, 4)
             from restricted in Gen.Elements(false, true)
             select new Shape(zone, weekly ? ShiftKind.Weekly : ShiftKind.Daily, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)), people, restricted)).ToArbitrary();

        public static Arbitrary<Instant> Instants() =>
            Gen.Choose(2 * 24 * 60, 2 * 366 * 24 * 60).Select(minutes => new Instant(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes))).ToArbitrary();
    }
}
