using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Protocol.Endpoint;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>Bodies too large, too deep or too wide: refused or answered, and read only as far as the limit.</summary>
public sealed class LargeInputTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task A_chunked_body_over_256_KB_without_a_length_gets_413()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, new string('x', 300 * 1024));
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString())));
        content.Headers.ContentType = new("application/json");

        var response = await host.PostContentAsync(content, host.ValidToken());

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await host.WasRecordedAsync((string)activity["id"]!));
    }

    [Fact]
    public async Task An_endless_body_is_refused_after_reading_at_most_twice_the_limit()
    {
        var body = new EndlessStream();
        var http = new DefaultHttpContext();
        http.Request.Body = body;
        http.Request.ContentType = "application/json";

        var read = await new ActivityReader().ReadAsync(http.Request, default);

        Assert.Equal(413, read.Status);
        Assert.InRange(body.Given, ActivityReader.MaxBodyBytes, 2 * ActivityReader.MaxBodyBytes + 16 * 1024);
    }

    [Theory]
    [InlineData(50, HttpStatusCode.OK)]
    [InlineData(70, HttpStatusCode.BadRequest)]
    [InlineData(5_000, HttpStatusCode.BadRequest)]
    public async Task Nesting_inside_an_invokes_value_is_read_to_the_depth_limit_and_refused_beyond(int depth, HttpStatusCode expected)
    {
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "help.show", ["language"] = "en", ["deep"] = "DEEP" });
        var deep = string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));

        var response = await host.PostRawAsync(click.ToJsonString().Replace("\"DEEP\"", deep, StringComparison.Ordinal), host.ValidToken());

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_click_with_ten_thousand_extra_inputs_is_answered()
    {
        var data = new JsonObject { ["verb"] = "help.show", ["language"] = "en" };
        for (var i = 0; i < 10_000; i++)
            data[$"i{i}"] = i;
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, data);

        var response = await host.PostAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, answer.RootElement.GetProperty("statusCode").GetInt32());
    }

    /// <summary>A request body that never ends, counting what it gave.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Given { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Given += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
