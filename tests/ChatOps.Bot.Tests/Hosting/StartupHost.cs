using ChatOps.Bot.Approvals;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol;
using ChatOps.Bot.Reports;
using ChatOps.Bot.Rotations;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Telemetry;
using ChatOps.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot.Tests.Hosting;

/// <summary>
/// Starts the host's registrations (what Program.cs lists) in a given environment. Used where a host must
/// fail to start: WebApplicationFactory can surface that as ObjectDisposedException, racing its own teardown.
/// </summary>
internal static class StartupHost
{
    /// <summary>The least a Production host needs to start (the secret as if from the environment), for tests to spoil one key of.</summary>
    public static Dictionary<string, string?> CompleteProductionSettings() => new()
    {
        ["Bot:AppId"] = "app",
        ["Bot:Connector:ClientSecret"] = "from-the-environment",
        ["Storage:ConnectionString"] = BotHost.StorageConnection,
    };

    /// <param name="contentRoot">where appsettings.{environment}.json is read from (default: the test's folder)</param>
    /// <param name="configure">more configuration sources, read after <paramref name="settings"/></param>
    public static async Task StartAndStopAsync(string environment, IDictionary<string, string?> settings, string? contentRoot = null, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        configure?.Invoke(builder.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSettingsChecks();
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddBotStorage(builder.Configuration);
        builder.Services.AddIncidents(builder.Configuration);
        builder.Services.AddConversations();
        builder.Services.AddApprovals();
        builder.Services.AddPages();
        builder.Services.AddReports();
        builder.Services.AddRotations(builder.Configuration);
        builder.Services.AddJobs(builder.Configuration);
        await using var app = builder.Build();
        await app.StartAsync();
        await app.StopAsync();
    }
}
