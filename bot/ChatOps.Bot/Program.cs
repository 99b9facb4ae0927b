using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Health;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Logging;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Protocol;
using ChatOps.Bot.Protocol.Endpoint;
using ChatOps.Bot.Reports;
using ChatOps.Bot.Rotations;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Telemetry;
using ChatOps.Jobs;
using ChatOps.Jobs.Dashboard;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddOneLineConsole();
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

var app = builder.Build();

app.MapBotMessages();
app.MapJobsDashboard();
app.MapHealth();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the host tests.</summary>
public partial class Program;
