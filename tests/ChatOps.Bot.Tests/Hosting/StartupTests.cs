using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Hosting;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Bot:Authentication:Enabled", "false", "Bot:Authentication:Enabled")]
    [InlineData("Bot:Connector:Credential", "None", "Bot:Connector:Credential")]
    [InlineData("Bot:AppId", "", "AppId")]
    [InlineData("Bot:Connector:ClientSecret", "", "Bot:Connector:ClientSecret")]
    [InlineData("Storage:TablePrefix", "bad prefix!", "TablePrefix")]
    [InlineData("Storage:ExportLinkValidity", "30.00:00:00", "ExportLinkValidity")]
    [InlineData("Jobs:Storage", "PostgreSql", "Jobs:PostgreSqlConnectionString")]
    [InlineData("Jobs:WorkerCount", "0", "Jobs:WorkerCount")]
    [InlineData("Graph:ChannelWarningThreshold", "1001", "ChannelWarningThreshold")]
    public async Task The_host_refuses_to_start_in_Production_with_a_bad_setting_and_names_the_key(string key, string value, string named)
    {
        var settings = StartupHost.CompleteProductionSettings();
        settings[key] = value;

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartupHost.StartAndStopAsync("Production", settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://account.blob.core.windows.net/")]
    public async Task With_a_managed_identity_the_host_needs_an_https_blob_service_uri_beside_the_table_one(string? blobServiceUri)
    {
        var settings = StartupHost.CompleteProductionSettings();
        settings.Remove("Storage:ConnectionString");
        settings["Storage:TableServiceUri"] = "https://account.table.core.windows.net/";
        settings["Storage:BlobServiceUri"] = blobServiceUri;

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartupHost.StartAndStopAsync("Production", settings));

        Assert.Contains("Storage:BlobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_starts_in_Production_with_complete_settings() =>
        await StartupHost.StartAndStopAsync("Production", StartupHost.CompleteProductionSettings());
}
