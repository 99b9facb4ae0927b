using System.Buffers;
using System.Text.Json;
using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Protocol.Endpoint;

/// <summary>Reads and checks the body of a POST to /api/messages: at most 256 KB of JSON, one activity with a type.</summary>
internal sealed class ActivityReader
{
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<ReadResult> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
            return ReadResult.Refused(413, $"body of {request.ContentLength} bytes is over {MaxBodyBytes}");
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > MaxBodyBytes)
                        return ReadResult.Refused(413, $"body is over {MaxBodyBytes} bytes");
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var n = await request.Body.ReadAsync(buffer.AsMemory(length), ct);
                if (n == 0)
                    break;
                length += n;
            }
            if (length > MaxBodyBytes)
                return ReadResult.Refused(413, $"body is over {MaxBodyBytes} bytes");
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadResult Parse(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ActivityJson.Wire.Activity);
        }
        catch (JsonException e)
        {
            return ReadResult.Refused(400, $"malformed JSON: {e.Message}");
        }
        if (activity is null)
            return ReadResult.Refused(400, "the body is not an activity");
        if (string.IsNullOrWhiteSpace(activity.Type))
            return ReadResult.Refused(400, "the activity has no type");
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
            return ReadResult.Refused(400, "the activity has no valid serviceUrl");
        if (string.IsNullOrEmpty(activity.Conversation?.Id))
            return ReadResult.Refused(400, "the activity has no conversation id");
        return new ReadResult(200, activity, null);
    }
}

internal sealed record ReadResult(int Status, Activity? Activity, string? Problem)
{
    public static ReadResult Refused(int status, string problem) => new(status, null, problem);
}
