using ChatOps.Benchmarks.Deadlines;
using ChatOps.Benchmarks.Faults;
using ChatOps.Benchmarks.Incidents;
using ChatOps.Benchmarks.Load;
using ChatOps.Benchmarks.Micro;
using ChatOps.Benchmarks.Reports;
using ChatOps.Benchmarks.Sdk;

namespace ChatOps.Benchmarks;

/// <summary>A named entry point: top-level statements would make a second global <c>Program</c> beside the bot's.</summary>
internal static class BenchmarkProgram
{
    // dotnet run -c Release --project tests/ChatOps.Benchmarks -- load [--duration 10] [--connections 10,50]
    // dotnet run -c Release --project tests/ChatOps.Benchmarks -- sdk [--duration 10] [--connections 10,50]
    // dotnet run -c Release --project tests/ChatOps.Benchmarks -- micro [BenchmarkDotNet arguments]
    // dotnet run -c Release --project tests/ChatOps.Benchmarks -- report [--sizes 10000,100000] [--runs 5]
    // dotnet run -c Release --project tests/ChatOps.Benchmarks -- faults [--faults all|none|azurite,throttle,bad-gateway,kill,postgres] [--incidents 200] [--rate 50] [--duration 600] [--warmup 300 without faults, 0 with]
    // dotnet run -c Release --project tests/ChatOps.Benchmarks -- incidents [--duration 10] [--connections 4,10] [--incidents 1000] [--events 100] [--soak-minutes 10]
    public static async Task<int> Main(string[] args) => args switch
    {
        ["load", .. var rest] => await LoadCommand.RunAsync(rest),
        ["sdk", .. var rest] => await SdkCommand.RunAsync(rest),
        ["micro", .. var rest] => MicroCommand.Run(rest),
        ["incidents", .. var rest] => await IncidentsCommand.RunAsync(rest),
        ["deadlines", .. var rest] => await DeadlinesCommand.RunAsync(rest),
        ["faults", .. var rest] => await FaultsCommand.RunAsync(rest),
        ["report", .. var rest] => await ReportCommand.RunAsync(rest),
        // One size of the report benchmark, in a process of its own (started by "report").
        ["report-run", .. var rest] => ReportRun.Run(rest),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project tests/ChatOps.Benchmarks -- load [--duration 10] [--warmup 0.5] [--rounds 10] [--connections 10,50]
                       [--scenarios baseline,bot,baseline-nostorage,bot-nostorage[,bot-noauth,bot-noauth-nostorage,bot-stages]] [--results PATH]
                   dotnet run -c Release --project tests/ChatOps.Benchmarks -- sdk [--duration 10] [--warmup 0.5] [--rounds 10] [--connections 10,50]
                       [--targets botbuilder,ours,ours-dedup] [--results PATH]   (Node and npm: runs npm ci in BotBuilderPeer/ when needed)
                   dotnet run -c Release --project tests/ChatOps.Benchmarks -- micro [BenchmarkDotNet arguments, e.g. --filter *]
                   dotnet run -c Release --project tests/ChatOps.Benchmarks -- incidents [--duration 10] [--warmup 1] [--connections 4,10] [--incidents 1000] [--events 100]
                       [--soak-minutes 10] [--parts declare,click,soak] [--results PATH]
                   dotnet run -c Release --project tests/ChatOps.Benchmarks -- deadlines [--incidents 5000]   (PostgreSQL too when CHATOPS_TEST_POSTGRES is set)
                   dotnet run -c Release --project tests/ChatOps.Benchmarks -- faults [--faults all|none|azurite,throttle,bad-gateway,kill,postgres] [--incidents 200]
                       [--rate 50] [--duration 600] [--warmup 300 without faults, 0 with] [--outage 10] [--settle 360] [--results PATH]   (Azurite in infra/tools, PostgreSQL's initdb)
                   dotnet run -c Release --project tests/ChatOps.Benchmarks -- report [--sizes 10000,100000] [--runs 5]
            """);
        return 2;
    }
}
