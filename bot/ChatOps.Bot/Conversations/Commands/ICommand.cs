namespace ChatOps.Bot.Conversations.Commands;

/// <summary>A text command: registered with its name and aliases (<see cref="CommandCatalog"/>), it does one thing.</summary>
internal interface ICommand
{
    Task<TurnResult> RunAsync(Turn turn, string arguments, CancellationToken ct);
}
