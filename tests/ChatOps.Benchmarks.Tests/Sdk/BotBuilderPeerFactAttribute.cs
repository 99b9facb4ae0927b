using ChatOps.Benchmarks.Sdk;
using ChatOps.Testing;

namespace ChatOps.Benchmarks.Tests.Sdk;

/// <summary>A test on the botbuilder peer: skipped locally without Node and npm, run (and failing with the reason) in CI.</summary>
public sealed class BotBuilderPeerFactAttribute : FactAttribute
{
    public BotBuilderPeerFactAttribute()
    {
        if (BotBuilderPeer.MissingTools() is { } missing && !TestPostgres.InCi)
            Skip = $"{missing}; CI runs this test.";
    }
}
