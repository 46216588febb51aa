using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// The words a page shows in one language, read from the catalogue the gateway serves (web/i18n/&lt;language&gt;.json),
/// so that a test runs the same steps in Chinese and in English and expects what a reader of either sees.
/// </summary>
public sealed partial class PageText
{
    private readonly JsonObject _catalogue;

    private PageText(string language, JsonObject catalogue)
    {
        Language = language;
        _catalogue = catalogue;
    }

    public string Language { get; }

    public bool IsChinese => Language == "zh-CN";

    public static PageText For(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "web", "i18n", language + ".json");
        return new PageText(language, JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    /// <summary>A message with its placeholders filled, as the page's t() does (English plurals: one for 1, else other).</summary>
    public string this[string key, params (string Name, object Value)[] values]
    {
        get
        {
            var node = _catalogue[key] ?? throw new KeyNotFoundException($"No \"{key}\" in the {Language} catalogue.");
            var count = values.Where(v => v.Name == "count").Select(v => Convert.ToInt64(v.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
            var message = node is JsonObject forms
                ? (forms[!IsChinese && count == 1 ? "one" : "other"] ?? forms["other"])!.GetValue<string>()
                : node.GetValue<string>();
            foreach (var (name, value) in values)
            {
                message = message.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            return message;
        }
    }

    /// <summary>
    /// Fails when a Chinese page shows English words: the visible text and the labels screen readers read, leaving out
    /// what people wrote (.user-text: titles, names, chat, questions), and what is meant to stay as it is
    /// (translate="no", an element in another language such as the switch to English).
    /// </summary>
    public static async Task AssertNoEnglishAsync(IPage page)
    {
        var texts = await page.EvaluateAsync<string[]>("""
            () => {
              // A file format and a unit stay in Latin letters on Chinese pages too (as PageCatalogueTests allows).
              const latin = text => /[A-Za-z]{2,}/.test(text.replace(/\b(PDF|MB)\b/g, ''));
              const skip = el => el.closest('[translate="no"], [lang]:not(html), .user-text, script, style, [hidden]');
              const found = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (!el || skip(el) || el.getClientRects().length === 0) continue;
                if (latin(node.textContent)) found.push(node.textContent.trim());
              }
              for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
                if (skip(el)) continue;
                for (const name of ['placeholder', 'aria-label', 'title']) {
                  const value = el.getAttribute(name);
                  if (value && latin(value)) found.push(`${name}="${value}"`);
                }
              }
              if (latin(document.title)) found.push(`<title>${document.title}`);
              return found;
            }
            """);
        Assert.True(texts.Length == 0, $"English left on the Chinese page {page.Url}: {string.Join(" | ", texts)}");
    }

    /// <summary>Matches a whole text exactly (for locators that take a regular expression).</summary>
    public static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");
}
