namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>What the mutations put in: other JSON types, numbers at the limits, huge sizes, depths, widths, and ids that exist elsewhere.</summary>
internal static class FuzzValues
{
    public static readonly string[] Retypes = ["0", "-1", "1.5", "true", "false", "\"\"", "\"x\"", "[]", "{}", "[1,\"a\",null,{}]", "{\"a\":{\"b\":[]}}"];
    public static readonly string[] Numbers =
        ["2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775809", "1e308", "1e400", "-0", "0.5", "9007199254740993", "1E-400", "0"];
    public static readonly int[] HugeLengths = [1_000, 5_000, 40_000, 100_000, 300_000];
    public static readonly int[] Depths = [10, 30, 62, 63, 64, 65, 200, 5_000];
    public static readonly int[] Widths = [100, 2_000, 20_000];

    public static string[] OtherIds(FuzzScene s) =>
    [
        "a:personal-chat-2", "19:other@thread.tacv2;messageid=1", s.Thread, s.Thread + "x", "19:general@thread.tacv2", TeamsTenants.Other, TeamsTenants.Contoso,
        TeamsTenants.Stranger, "00000000-0000-0000-0000-0000000000021", "00000000-0000-0000-0000-0000000000020", "28:4f1e5d3c-bot-app-id", s.IncidentId,
        "INC-2026-9999", "INC-1/2#3?4", "APR-01", "APR-99", "CP-99", "PG-01", s.ApprovalHash, "msteams", "webchat", "emulator",
        "https://smba.evil.example/", "http://127.0.0.1:9/", s.ServiceUrl + "x", "message", "invoke", "conversationUpdate", "messageUpdate", "installationUpdate",
        "adaptiveCard/action", "composeExtension/query", "task/fetch", "checklist.set", "approval.decide", "report.review", "summary.submit", "evidence.add",
        "page.ack", "incident.declare", "Done", "NotApplicable", "Approve", "Reject", "Confirm", "RequestChanges", "personal", "channel", "groupChat",
    ];
}

/// <summary>Tenants an activity may claim: the client's, the tenant of the test activities, and one nobody knows.</summary>
internal static class TeamsTenants
{
    public const string Contoso = Approvals.ApprovalHost.ContosoTenant;
    public const string Other = Hosting.TeamsActivities.TenantId;
    public const string Stranger = "99999999-8888-7777-6666-555555555555";
}
