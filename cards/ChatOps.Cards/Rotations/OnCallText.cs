using System.Globalization;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Cards.Rotations;

/// <summary>Who is on call, as one line per rotation in the reader's language, times in the rotation's own zone.</summary>
public static class OnCallText
{
    /// <summary>"Primary on-call (Asia/Shanghai): now Alex Wilber (weekly); next Megan Bowen from 2026-11-09 09:00 UTC+08:00".</summary>
    public static string Line(Rotation rotation, DateTimeOffset at, CultureInfo language)
    {
        var zone = rotation.Zone();
        var next = rotation.Next(at) is { } change
            ? CardText.Format("OnCall.Next", language, Who(change.OnCall, zone, language), CardTime.Format(change.At, zone))
            : CardText.Get("OnCall.NoChange", language);
        return CardText.Format("OnCall.Line", language, rotation.Name, rotation.TimeZone, Who(rotation.WhoIsOnCall(at), zone, language), next);
    }

    /// <summary>The answer to an override: who covers which rotation, from when until when.</summary>
    public static string Confirmation(Rotation rotation, RotationOverride added, CultureInfo language)
    {
        var zone = rotation.Zone();
        return CardText.Format("Override.Done", language, added.Person.Name, rotation.Name, CardTime.Format(added.From, zone), CardTime.Format(added.To, zone));
    }

    private static string Who(OnCall? onCall, TimeZoneInfo zone, CultureInfo language) => onCall switch
    {
        null => CardText.Get("OnCall.Nobody", language),
        { Override: { } cover } => CardText.Format("OnCall.Override", language, onCall.Person.Name, CardTime.Format(cover.To, zone)),
        _ => CardText.Format("OnCall.Layer", language, onCall.Person.Name, onCall.Layer ?? ""),
    };
}
