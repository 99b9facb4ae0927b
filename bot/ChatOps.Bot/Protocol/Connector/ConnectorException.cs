using System.Net;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>The connector refused a request for good (after any retries).</summary>
public sealed class ConnectorException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    internal static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (body.Length > 500)
            body = body[..500];
        throw new ConnectorException(response.StatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {body}");
    }
}
