using Azure;

namespace ChatOps.Bot.Storage;

/// <summary>Whether an exception means Azure Storage (Azurite locally) could not be reached or refused the call.</summary>
internal static class StorageFailure
{
    public static bool Is(Exception? e) => e switch
    {
        null => false,
        RequestFailedException => true,
        AggregateException a => a.InnerExceptions.Any(Is),
        _ => Is(e.InnerException),
    };
}
