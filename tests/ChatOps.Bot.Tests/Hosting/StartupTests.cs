using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
    public void The_host_refuses_to_start_in_Production_with_a_bad_setting_and_names_the_key(string key, string value, string named)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Bot:AppId", "app");
            b.UseSetting("Bot:Connector:ClientSecret", "from-the-environment");
            b.UseSetting("Storage:ConnectionString", BotHost.StorageConnection);
            b.UseSetting(key, value);
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_starts_in_Production_with_complete_settings()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Bot:AppId", "app");
            b.UseSetting("Bot:Connector:ClientSecret", "from-the-environment");
            b.UseSetting("Storage:ConnectionString", BotHost.StorageConnection);
        });

        Assert.NotNull(factory.Server);
    }
}
