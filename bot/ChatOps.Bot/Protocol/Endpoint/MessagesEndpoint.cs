namespace ChatOps.Bot.Protocol.Endpoint;

internal static class MessagesEndpoint
{
    /// <summary>The Bot Framework messaging endpoint.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, ActivityPipeline pipeline) => pipeline.HandleAsync(http));
        return app;
    }
}
