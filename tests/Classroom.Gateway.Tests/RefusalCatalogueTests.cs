using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Classroom.Contracts.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Classroom.Gateway.Tests;

/// <summary>The refusal catalogue, read the way the gateway reads it (<see cref="IStringLocalizer{T}"/>), in both languages.</summary>
public sealed partial class RefusalCatalogueTests
{
    private static readonly IStringLocalizer Catalogue =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<RefusalTexts>>();

    /// <summary>Every code defined: the refusal codes and the phrases their sentences name.</summary>
    public static TheoryData<string> Codes() => [.. AllCodes()];

    private static List<string> AllCodes()
    {
        var refusals = typeof(Refusals).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        var phrases = typeof(Phrase).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => ((Phrase)f.GetValue(null)!).Code);
        return [.. refusals.Concat(phrases)];
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_english_and_a_chinese_sentence_with_the_same_placeholders(string code)
    {
        var english = In("en", code);
        var chinese = In("zh-CN", code);

        Assert.False(string.IsNullOrWhiteSpace(english), $"{code} has no English entry");
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"{code} has no Chinese entry");
        Assert.Equal(Placeholders(english), Placeholders(chinese));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void No_chinese_sentence_is_the_english_one_and_none_uses_half_width_punctuation(string code)
    {
        var chinese = In("zh-CN", code);

        Assert.NotEqual(In("en", code), chinese);
        Assert.DoesNotMatch(HalfWidthPunctuation(), chinese);
    }

    [Fact]
    public void The_catalogue_has_no_entry_without_a_defined_code_and_both_languages_have_the_same_keys()
    {
        var codes = AllCodes().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(codes, Keys("en"));
        Assert.Equal(codes, Keys("zh-CN"));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_refusals_english_message_fills_in_its_phrases_and_values()
    {
        var refusal = new ClassroomValidationException(Refusals.InputTextLength, Phrase.Title, 1, 200);

        Assert.Equal("The title must have 1 to 200 characters.", refusal.Message);
        Assert.Equal(["field.title", "1", "200"], refusal.Arguments.Select(a => a.Value));
    }

    private static string In(string culture, string code) => WithCulture(culture, () => Catalogue[code] is { ResourceNotFound: false } found ? found.Value : "");

    private static List<string> Keys(string culture) =>
        WithCulture(culture, () => Catalogue.GetAllStrings(includeParentCultures: false).Select(s => s.Name).Order(StringComparer.Ordinal).ToList());

    private static T WithCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Chinese sentences use full-width commas, semicolons, marks and colons (a colon between digits, as in 1:10:05, is a time).</summary>
    [GeneratedRegex(@"[,;!?]|(?<!\d):|:(?!\d)")]
    private static partial Regex HalfWidthPunctuation();
}
