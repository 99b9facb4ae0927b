namespace ChatOps.Testing;

/// <summary>What a test can script on the channel routes.</summary>
public enum GraphOperation
{
    /// <summary>GET /teams/{team}/channels/{channel}.</summary>
    Read,
    /// <summary>PATCH /teams/{team}/channels/{channel}: 204; an archived channel can't be edited.</summary>
    Rename,
    /// <summary>POST /teams/{team}/channels/{channel}/archive: 202 with the Location of the async operation.</summary>
    Archive,
    /// <summary>GET /teams/{team}/channels or allChannels, <see cref="FakeGraph.PageSize"/> at a time with @odata.nextLink.</summary>
    List,
}

/// <summary>One channel as the fake keeps it.</summary>
public sealed class FakeChannel(string team, string id, string displayName)
{
    public string Team { get; } = team;
    public string Id { get; } = id;
    public string DisplayName { get; internal set; } = displayName;
    public bool Archived { get; internal set; }
}

/// <summary>A request the channel routes received: method, path (decoded) and query string.</summary>
public sealed record GraphRequest(GraphOperation Operation, string Method, string Path, string Query);
