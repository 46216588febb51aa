using Classroom.Contracts.Errors;
using Microsoft.Extensions.Localization;

namespace Classroom.Gateway.Localization;

/// <summary>
/// Says refusals in the current UI culture (a request's, set by the request localization middleware; a hub
/// connection's, set by <see cref="Hubs.HubGuard"/>) from the refusal catalogue.
/// </summary>
public sealed class RefusalLocalizer(IStringLocalizer<RefusalTexts> catalogue)
{
    /// <summary>The sentence of <paramref name="refusal"/>.</summary>
    public string Say(ClassroomException refusal) => Format(refusal.Code, refusal.Arguments);

    /// <summary>The sentence of catalogue entry <paramref name="code"/> with <paramref name="arguments"/> (values or <see cref="Phrase"/>s).</summary>
    public string Say(string code, params object?[] arguments) => Format(code, [.. arguments.Select(RefusalArgument.From)]);

    /// <summary>A hub refusal's message: <c>[code] sentence</c>, so programs read the code and pages show the sentence.</summary>
    public static string ForHub(string code, string sentence) => $"[{code}] {sentence}";

    private string Format(string code, IReadOnlyList<RefusalArgument> arguments) => RefusalTexts.Format(Lookup, code, arguments);

    private string? Lookup(string key) => catalogue[key] is { ResourceNotFound: false } found ? found.Value : null;
}
