using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing;

/// <summary>
/// Stands in for an OpenTelemetry collector's OTLP/HTTP receiver (POST /v1/traces, /v1/metrics, /v1/logs, protobuf):
/// answers 200 and keeps each body as it arrived, so a test can read exactly what left the process.
/// </summary>
public sealed class FakeOtlpCollector : LoopbackServer
{
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _exports = new();

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        await collector.StartAsync(app => app.MapPost("/v1/{signal}", collector.ReceiveAsync));
        return collector;
    }

    public IReadOnlyList<(string Signal, byte[] Body)> Exports => [.. _exports];

    private async Task<IResult> ReceiveAsync(string signal, HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        _exports.Enqueue((signal, body.ToArray()));
        return Results.Ok();
    }
}
