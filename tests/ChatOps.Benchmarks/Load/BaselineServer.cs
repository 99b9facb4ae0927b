using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Benchmarks.Load;

/// <summary>
/// The floor a help turn cannot go below, with none of our code: a Kestrel endpoint that drains the
/// body, adds a row like the bot's claim, POSTs the same help reply to the connector, upserts the row
/// as done (the bot's two table operations and one connector call, in the bot's order), then 200.
/// </summary>
internal sealed class BaselineServer : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly WebApplication _app;
    private readonly HttpClient _connector = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(100) };
    private readonly TableClient? _table;
    private readonly Uri _sendUrl;
    private readonly byte[] _reply;
    private readonly TimeProvider _time;

    private BaselineServer(TableClient? table, Uri sendUrl, byte[] reply, TimeProvider time)
    {
        _table = table;
        _sendUrl = sendUrl;
        _reply = reply;
        _time = time;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/api/messages", HandleAsync);
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <param name="reply">The exact body the bot POSTs for a help turn.</param>
    /// <param name="withTables">False for the baseline of the bot with storage stood down: the connector POST only.</param>
    public static async Task<BaselineServer> StartAsync(BenchmarkRig rig, string tablePrefix, byte[] reply, bool withTables)
    {
        TableClient? table = null;
        if (withTables)
        {
            // The same client settings as the bot's Storage/Tables.
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 3;
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            table = new TableServiceClient("UseDevelopmentStorage=true", options).GetTableClient(tablePrefix + "baseline");
            await table.CreateIfNotExistsAsync();
        }
        var sendUrl = new Uri(new Uri(rig.Connector.ServiceUrl), $"v3/conversations/{Uri.EscapeDataString(SignedActivities.ConversationId)}/activities");
        var server = new BaselineServer(table, sendUrl, reply, rig.Time);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(new Uri(address), "/api/messages");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        await http.Request.Body.CopyToAsync(Stream.Null, ct);

        var key = RandomNumberGenerator.GetHexString(64, lowercase: true);
        var row = new TableEntity(key[..2], key)
        {
            ["ActivityId"] = key[..23],
            ["ConversationId"] = SignedActivities.ConversationId,
            ["Type"] = "message",
            ["State"] = "processing",
            ["ClaimedAt"] = _time.GetUtcNow(),
        };
        if (_table is not null)
            await _table.AddEntityAsync(row, ct);

        var content = new ByteArrayContent(_reply);
        content.Headers.ContentType = Json;
        using (var response = await _connector.PostAsync(_sendUrl, content, ct))
        {
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
        }

        row["State"] = "done";
        row["InvokeResponse"] = null;
        if (_table is not null)
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _connector.Dispose();
    }
}
