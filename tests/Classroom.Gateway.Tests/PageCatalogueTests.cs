using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>
/// The pages' message catalogues (web/i18n): the same keys in Chinese and English, the same placeholders, every key the
/// pages name present, and Chinese that is Chinese. The browser tests then check what a reader actually sees.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed partial class PageCatalogueTests(GatewayFixture fixture)
{
    private static readonly string Web = Path.Combine(Repository.Root, "gateway", "Classroom.Gateway", "web");

    /// <summary>Entries meant to read the same in both: the names of the languages, and pure formats.</summary>
    private static readonly HashSet<string> SameInBoth = ["language.en", "language.zh-CN", "poll.badge"];

    // Written in Latin letters in Chinese too: a file format and a unit, as every Chinese page names them.
    private static readonly string[] Acronyms = ["PDF", "MB"];

    [Fact]
    public void Both_catalogues_have_the_same_keys_and_placeholders()
    {
        var chinese = Catalogue("zh-CN");
        var english = Catalogue("en");

        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        foreach (var key in english.Keys)
        {
            Assert.True(Placeholders(english[key]).SetEquals(Placeholders(chinese[key])), $"{key}: placeholders differ between en and zh-CN");
        }
    }

    [Fact]
    public void The_Chinese_catalogue_is_Chinese()
    {
        var chinese = Catalogue("zh-CN");
        var english = Catalogue("en");

        foreach (var (key, text) in chinese.Where(e => !SameInBoth.Contains(e.Key)))
        {
            Assert.NotEqual(english[key], text);
            var words = Acronyms.Aggregate(PlaceholderPattern().Replace(text, ""), (rest, acronym) => rest.Replace(acronym, "", StringComparison.Ordinal));
            Assert.False(LatinWord().IsMatch(words), $"{key}: English left in \"{text}\"");
        }
    }

    [Fact]
    public void Every_key_the_pages_name_is_in_both_catalogues()
    {
        var named = Directory.EnumerateFiles(Web, "*.*", SearchOption.TopDirectoryOnly).Concat(Directory.EnumerateFiles(Path.Combine(Web, "js")))
            .SelectMany(file => NamedKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.True(named.Count > 100, $"only {named.Count} keys found: has the pages' way of naming them changed?");
        foreach (var language in new[] { "zh-CN", "en" })
        {
            Assert.Empty(named.Except(Catalogue(language).Keys));
        }
    }

    [Fact]
    public async Task The_pages_learn_the_lessons_time_zone_from_the_gateway()
    {
        using var response = await fixture.Host.Http.GetAsync("/api/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Asia/Shanghai", (await response.Content.ReadFromJsonAsync<JsonObject>())!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_time_zone_that_does_not_exist_stops_the_gateway_at_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Gateway:TimeZone"] = "Asia/Atlantis" });
        });

        Assert.Contains("TimeZone", failure.Message);
    }

    /// <summary>Key → text; a plural entry contributes each of its forms joined, so placeholders of every form count.</summary>
    private static Dictionary<string, string> Catalogue(string language) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Web, "i18n", language + ".json")))!.AsObject().ToDictionary(
            e => e.Key,
            e => e.Value is JsonObject forms ? string.Join(" | ", forms.Select(f => f.Value!.GetValue<string>())) : e.Value!.GetValue<string>());

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    /// <summary>t('key'), data-i18n="key", data-i18n-placeholder="key", forWhom('key': the literal keys; built ones are for the browser tests.</summary>
    [GeneratedRegex(@"(?:\bt\(|forWhom\(|data-i18n(?:-[a-z-]+)?=)[""'](?<key>[a-zA-Z][\w.-]*)[""']")]
    private static partial Regex NamedKey();
}
