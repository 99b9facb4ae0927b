using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Protocol.Endpoint;

/// <summary>Reads and checks the body of a POST to /api/messages: at most 256 KB of JSON, one activity with a type.</summary>
internal sealed class ActivityReader
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Teams' ids and names run to a few hundred characters; longer ones are not Teams' and would not fit a storage row.</summary>
    public const int MaxIdLength = 1024;

    public async Task<ReadResult> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(request.ContentType) && !IsJson(request.ContentType))
            return ReadResult.Refused(415, "the body is not JSON (Content-Type)");
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
            if (!IsUnicode(body))
                return ReadResult.Refused(400, "the body holds text that is not Unicode (invalid UTF-8 or an unpaired surrogate)");
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
        if (Ids(activity).FirstOrDefault(id => id.Value is not null && !IsId(id.Value)).Name is { } notId)
            return ReadResult.Refused(400, $"the activity's {notId} is not an id (printable ASCII, at most {MaxIdLength} characters)");
        if (activity.From?.Name?.Length > MaxIdLength || activity.Recipient?.Name?.Length > MaxIdLength)
            return ReadResult.Refused(400, $"a name in the activity is over {MaxIdLength} characters");
        return new ReadResult(200, activity, null);
    }

    /// <summary>application/json or a +json type; a channel that names none is read as JSON too.</summary>
    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type &&
        (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether every name and string decodes: the parser defers that for the values kept as JSON (channelData, entities,
    /// value), whose readers would otherwise fail deep inside a turn.
    /// </summary>
    private static bool IsUnicode(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ActivityJson.Wire.Options.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || (!reader.ValueIsEscaped && Ascii.IsValid(reader.ValueSpan)))
                continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<(string Name, string? Value)> Ids(Activity a) =>
    [
        ("type", a.Type), ("id", a.Id), ("name", a.Name), ("channelId", a.ChannelId), ("serviceUrl", a.ServiceUrl), ("locale", a.Locale),
        ("replyToId", a.ReplyToId), ("action", a.Action), ("conversation.id", a.Conversation?.Id), ("conversation.tenantId", a.Conversation?.TenantId),
        ("from.id", a.From?.Id), ("from.aadObjectId", a.From?.AadObjectId), ("recipient.id", a.Recipient?.Id),
    ];

    private static bool IsId(string value) => value.Length <= MaxIdLength && value.All(c => c is >= ' ' and <= '~');
}

internal sealed record ReadResult(int Status, Activity? Activity, string? Problem)
{
    public static ReadResult Refused(int status, string problem) => new(status, null, problem);
}
