using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>
/// A realistic session with authentication on (forged tokens, turns, a 429 storm, a page, an audit export with SAS
/// links that are then downloaded, the jobs dashboard opened with its key): nothing the bot logs, traces, measures or
/// exports contains a bearer token, the client secret, the dashboard key, a SAS signature or the PostgreSQL password.
/// </summary>
public sealed partial class TelemetryLeakTests
{
    private readonly string _secret = "client-secret-" + Guid.NewGuid().ToString("N");
    private readonly string _outbound = "outbound-token-" + Guid.NewGuid().ToString("N") + "-";
    private readonly string _dashboardKey = "dashboard-key-" + Guid.NewGuid().ToString("N");
    private readonly string _query = "query-secret-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task No_log_line_span_metric_or_export_carries_a_token_a_secret_or_a_SAS_signature()
    {
        await using var capture = await TelemetryCapture.StartAsync(_secret, _outbound, new Dictionary<string, string?> { ["Jobs:DashboardApiKey"] = _dashboardKey });

        var forbidden = await RunSessionAsync(capture);

        AssertNothingLeaked(capture, forbidden);
    }

    [PostgreSqlFact]
    public async Task With_the_PostgreSQL_queue_nothing_carries_its_connection_string_or_password()
    {
        var connection = TestPostgres.Require();
        var schema = TestPostgres.NewSchema();
        try
        {
            await using var capture = await TelemetryCapture.StartAsync(_secret, _outbound, new Dictionary<string, string?>
            {
                ["Jobs:DashboardApiKey"] = _dashboardKey, ["Jobs:Storage"] = "PostgreSql", ["Jobs:PostgreSqlConnectionString"] = connection, ["Jobs:PostgreSqlSchema"] = schema,
            });

            var forbidden = await RunSessionAsync(capture);

            var builder = new NpgsqlConnectionStringBuilder(connection);
            forbidden.Add(connection);
            forbidden.Add("Password=" + builder.Password);
            // The test database's password is also its user's and database's name, which may be logged: then only the pair above is checked.
            if (builder.Password is { Length: > 0 } password && password != builder.Username && password != builder.Database)
                forbidden.Add(password);
            AssertNothingLeaked(capture, forbidden);
        }
        finally
        {
            await TestPostgres.DropSchemaAsync(schema);
        }
    }

    private async Task<List<string>> RunSessionAsync(TelemetryCapture capture)
    {
        var host = capture.Host;
        var forbidden = new List<string> { _secret, _outbound, _dashboardKey, _query };

        // Forged tokens: garbage, another audience, expired.
        var now = TimeProvider.System.GetUtcNow();
        var valid = new TokenSpec(BotHost.AppId, host.Connector.ServiceUrl, now);
        foreach (var forged in new[]
        {
            "forged-" + Guid.NewGuid().ToString("N"),
            host.Issuer.CreateToken(valid with { Audience = "another-bot" }),
            host.Issuer.CreateToken(valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }),
        })
        {
            forbidden.AddRange(TokenParts(forged));
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), forged)).StatusCode);
        }

        // A turn whose URL carries a query value, then one through a 429 storm.
        var token = host.ValidToken();
        forbidden.AddRange(TokenParts(token));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), token, $"?code={_query}")).StatusCode);
        host.Connector.FailNext(429, times: 3, retryAfter: "0");
        var stormy = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        await PostAsync(host, stormy, token);
        await host.Connector.WaitForAsync(r => r.Body.Contains((string)stormy["id"]!, StringComparison.Ordinal) && r.Status < 300);

        // An incident, a page (Graph's activity feed with the bot's Graph token), an audit export with SAS links, downloaded.
        var incidents = new ApprovalHost(host);
        var (_, thread) = await incidents.OpenAsync("Leak check");
        var page = incidents.InThread(thread, "page <at>Megan Bowen</at> Please look at web-01", Alex);
        page["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Megan Bowen</at>", ["mentioned"] = new JsonObject { ["id"] = "29:megan", ["name"] = "Megan Bowen" },
        });
        await host.PostAsync(page);
        await host.Connector.WaitForAsync(r => r.Body.Contains((string)page["id"]!, StringComparison.Ordinal));
        var audit = incidents.InThread(thread, "audit", Alex);
        await host.PostAsync(audit);
        var card = (await host.Connector.WaitForAsync(r => r.Body.Contains((string)audit["id"]!, StringComparison.Ordinal))).Json;
        var links = card.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions").EnumerateArray()
            .Select(a => new Uri(a.GetProperty("url").GetString()!)).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var signature = QueryHelpers.ParseQuery(link.Query)["sig"].ToString();
            Assert.NotEmpty(signature);
            forbidden.AddRange([signature, Uri.EscapeDataString(signature)]);
        }
        using (var download = new HttpClient())
            Assert.Equal(HttpStatusCode.OK, (await download.GetAsync(links[0])).StatusCode);

        // The dashboard, with its key both ways it is accepted.
        foreach (var (name, value) in new[] { ("X-Api-Key", _dashboardKey), ("Authorization", "Bearer " + _dashboardKey) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            request.Headers.TryAddWithoutValidation(name, value);
            Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
        }

        await capture.FlushAsync();
        Assert.Contains(host.Connector.Requests, r => r.Authorization == "Bearer " + _outbound + "1");
        return forbidden;
    }

    private static void AssertNothingLeaked(TelemetryCapture capture, IReadOnlyList<string> forbidden)
    {
        var texts = capture.Texts().ToList();
        // The capture saw the session: the failing checks below are not vacuous.
        Assert.Contains(texts, t => t.Source == "log" && t.Text.Contains("Refused an activity with 401", StringComparison.Ordinal));
        Assert.Contains(capture.Spans, s => s.DisplayName == "turn message");
        Assert.Contains(capture.Spans, s => s.GetTagItem("url.full") is string url && url.Contains("-exports/", StringComparison.Ordinal));
        Assert.Contains(capture.Metrics, m => m.Name == "chatops.outbound.retries");
        Assert.Contains(texts, t => t.Source == "otlp logs");

        var leaks = (from t in texts from secret in forbidden.Distinct() where t.Text.Contains(secret, StringComparison.Ordinal) select $"{t.Source}: {Around(t.Text, secret)}")
            .Concat(from t in texts from Match m in UnredactedSignature().Matches(t.Text) select $"{t.Source}: {Around(t.Text, m.Value)}")
            .ToList();
        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join("\n", leaks.Distinct().Take(20)));
    }

    /// <summary>A token, and its signature alone (a log that cut a JWT at its dots would still leak that).</summary>
    private static IEnumerable<string> TokenParts(string token) =>
        token.Split('.') is [_, _, { Length: > 10 } signature] ? [token, signature] : [token];

    private static string Around(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, at - 80), Math.Min(text.Length - Math.Max(0, at - 80), found.Length + 160)).ReplaceLineEndings(" ");
    }

    private static async Task<HttpResponseMessage> PostAsync(BotHost host, JsonObject activity, string token, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages" + query)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }

    /// <summary>A sig= whose value is not a redaction marker.</summary>
    [GeneratedRegex(@"sig=(?!Redacted\b|REDACTED\b|\*)[^&\s""']+")]
    private static partial Regex UnredactedSignature();
}
