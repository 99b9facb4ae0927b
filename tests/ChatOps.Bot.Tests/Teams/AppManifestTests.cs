using ChatOps.Bot.Approvals;
using ChatOps.Bot.Pages;
using System.Text.Json.Nodes;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Conversations.IncidentChannels;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema.Validation;

namespace ChatOps.Bot.Tests.Teams;

public sealed class AppManifestTests
{
    private static readonly string[] GeneralCommands = ["help", "declare"];
    private static readonly string[] IncidentCommands =
        ["status", "ack", "assign", "note", "phase", "roles", "verify", "deliver", "evidence", "request", "revise", "breakglass", "approvals", "audit", "page"];

    [Fact]
    public async Task The_filled_manifest_is_valid_against_the_schema_it_names()
    {
        var manifest = TeamsAppPackage.Manifest();
        var version = (string)manifest["manifestVersion"]!;

        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.True(Version.Parse(version) >= new Version(1, 17), $"manifest version {version} is older than 1.17");
        var schema = await TeamsAppPackage.SchemaAsync(version, "MicrosoftTeams.schema.json");
        Assert.Empty(schema.Validate(TeamsAppPackage.FilledManifest()).Select(e => e.ToString()));
        // NJsonSchema ignores "const" (draft-06 in a draft-04 schema), so check manifestVersion's here.
        Assert.Equal(version, (string?)JsonNode.Parse(schema.ToJson())!["properties"]!["manifestVersion"]!["const"]);
    }

    [Fact]
    public async Task The_schema_check_rejects_a_manifest_whose_placeholders_were_not_filled()
    {
        var unfilled = TeamsAppPackage.SampleValues.ToDictionary(p => p.Key, p => "{{" + p.Key + "}}");
        var version = (string)TeamsAppPackage.Manifest()["manifestVersion"]!;
        var schema = await TeamsAppPackage.SchemaAsync(version, "MicrosoftTeams.schema.json");

        var errors = Flatten(schema.Validate(TeamsAppPackage.FilledManifest(unfilled))).Select(e => e.Path).ToList();

        Assert.Contains("#/id", errors);
        Assert.Contains("#/bots[0].botId", errors);
        Assert.Contains("#/webApplicationInfo.id", errors);
    }

    [Fact]
    public async Task The_chinese_localization_file_is_valid_and_translates_every_command()
    {
        var manifest = TeamsAppPackage.Manifest();
        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();
        Assert.Equal("en-us", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        var zh = Assert.Single(languages, l => (string?)l!["languageTag"] == "zh-cn")!;
        var json = TeamsAppPackage.ReadSource((string)zh["file"]!);
        var schema = await TeamsAppPackage.SchemaAsync((string)manifest["manifestVersion"]!, "MicrosoftTeams.Localization.schema.json");

        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
        var strings = JsonNode.Parse(json)!.AsObject();
        foreach (var (key, _) in Commands(manifest).SelectMany(c => new[] { (c.Key + ".title", 0), (c.Key + ".description", 0) }))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)strings[key]), $"zh-cn.json lacks {key}");
        }
    }

    [Fact]
    public void Chinese_command_titles_are_aliases_the_bot_understands()
    {
        var strings = JsonNode.Parse(TeamsAppPackage.ReadSource("zh-cn.json"))!.AsObject();
        var aliases = Registered().ToDictionary(r => r.Name, r => r.Aliases);

        foreach (var command in Commands(TeamsAppPackage.Manifest()))
        {
            Assert.Contains((string)strings[command.Key + ".title"]!, aliases[command.Title]);
        }
    }

    [Theory]
    [InlineData("personal", new[] { "help", "declare" })]
    [InlineData("groupChat", new[] { "help", "declare" })]
    [InlineData("team", new[] { "help", "declare", "status", "ack", "request", "approvals", "evidence", "note", "assign", "verify" })]
    public void Each_scope_lists_the_commands_that_work_there(string scope, string[] expected)
    {
        var titles = Commands(TeamsAppPackage.Manifest()).Where(c => c.Scopes.Contains(scope)).Select(c => c.Title);

        Assert.Equal(expected, titles);
    }

    [Fact]
    public void The_manifest_menus_offer_registered_commands_within_teams_limit_of_ten()
    {
        var registered = Registered().Select(r => r.Name).ToList();
        var lists = TeamsAppPackage.Manifest()["bots"]![0]!["commandLists"]!.AsArray();

        Assert.Equal(GeneralCommands.Concat(IncidentCommands).Order(), registered.Order());
        Assert.All(Commands(TeamsAppPackage.Manifest()), c => Assert.Contains(c.Title, registered));
        Assert.All(lists, l => Assert.InRange(l!["commands"]!.AsArray().Count, 1, 10));
        Assert.Contains("request", Commands(TeamsAppPackage.Manifest()).Select(c => c.Title));
    }

    [Fact]
    public void The_bot_is_installable_in_personal_team_and_group_chat_scopes_with_its_app_id()
    {
        var manifest = TeamsAppPackage.Manifest();
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(TeamsAppPackage.SampleValues["BOT_APP_ID"], (string?)bot["botId"]);
        Assert.Equal(TeamsAppPackage.SampleValues["BOT_APP_ID"], (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal(TeamsAppPackage.SampleValues["APP_ID"], (string?)manifest["id"]);
        Assert.Contains(TeamsAppPackage.SampleValues["VALID_DOMAIN"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Resource_specific_consent_covers_what_the_features_call_in_Graph()
    {
        var permissions = TeamsAppPackage.Manifest()["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => (string)p!["type"]!);

        Assert.Equal("Application", permissions["ChannelMessage.Read.Group"]);
        Assert.Equal("Application", permissions["Channel.Create.Group"]);
        // The channel count behind the channel-limit warning.
        Assert.Equal("Application", permissions["ChannelSettings.Read.Group"]);
        // A page's activity-feed entry: POST /users/{id}/teamwork/sendActivityNotification, consented by the user who installs the app.
        Assert.Equal("Application", permissions["TeamsActivity.Send.User"]);
        Assert.Contains(TeamsAppPackage.Manifest()["activities"]!["activityTypes"]!.AsArray(), t => (string?)t!["type"] == ChatOps.Bot.Teams.GraphActivityFeed.ActivityType);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_have_the_sizes_Teams_requires(string icon, int size)
    {
        var png = PngImage.Read(Path.Combine(TeamsAppPackage.SourceDirectory, icon));

        Assert.Equal((size, size), (png.Width, png.Height));
        Assert.Equal(icon, (string?)TeamsAppPackage.Manifest()["icons"]![icon[..^4]]);
    }

    [Fact]
    public void The_outline_icon_is_white_on_a_transparent_background()
    {
        var png = PngImage.Read(Path.Combine(TeamsAppPackage.SourceDirectory, "outline.png"));

        Assert.Equal((8, 6), (png.BitDepth, png.ColorType));
        Assert.Equal(0, png.Pixel(0, 0).A);
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var (r, g, b, a) = png.Pixel(x, y);
                Assert.True(a == 0 || (r, g, b) == (255, 255, 255), $"pixel ({x},{y}) is neither white nor transparent");
            }
        }

        Assert.Contains(Enumerable.Range(0, png.Width * png.Height), i => png.Pixel(i % png.Width, i / png.Width).A == 255);
    }

    // NJsonSchema reports errors inside array items as children of the item's error.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? new[] { e }.Concat(Flatten(child.Errors.Values.SelectMany(v => v)))
            : [e]);

    private sealed record ManifestCommand(string Key, string Title, IReadOnlyList<string> Scopes);

    private static IEnumerable<ManifestCommand> Commands(JsonObject manifest) =>
        manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany((list, i) =>
            list!["commands"]!.AsArray().Select((command, j) => new ManifestCommand(
                $"bots[0].commandLists[{i}].commands[{j}]",
                (string)command!["title"]!,
                list["scopes"]!.AsArray().Select(s => (string)s!).ToList())));

    /// <summary>The commands as the bot registers them, general and incident-channel ones.</summary>
    [Fact]
    public void The_activity_type_of_a_page_notification_is_declared_for_graph()
    {
        var types = TeamsAppPackage.Manifest()["activities"]!["activityTypes"]!.AsArray().Select(t => (string?)t!["type"]);

        Assert.Contains(ChatOps.Bot.Teams.GraphActivityFeed.ActivityType, types);
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Aliases)> Registered()
    {
        var services = new ServiceCollection().AddConversations().AddApprovals().AddPages();
        return services.Select(d => d.ImplementationInstance).Select(instance => instance switch
        {
            CommandRegistration c => (c.Name, c.Aliases),
            IncidentCommandRegistration c => (c.Name, c.Aliases),
            _ => default((string, IReadOnlyList<string>)?),
        }).OfType<(string, IReadOnlyList<string>)>();
    }
}
