using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Localization;

/// <summary>
/// Reads a request's language from one source (the <c>lang</c> query parameter, the <c>classroom_lang</c> cookie or
/// Accept-Language) and says it as one of <see cref="ClassroomLanguages.Supported"/>: ASP.NET Core's own providers
/// would pass <c>zh</c> or <c>zh-Hans</c> through, which the middleware cannot match to zh-CN.
/// </summary>
internal sealed class LanguageProvider(Func<HttpRequest, IEnumerable<string?>> candidates) : RequestCultureProvider
{
    /// <summary>The <c>lang</c> query parameter.</summary>
    public static LanguageProvider Query() => new(request => request.Query[ClassroomLanguages.QueryKey]);

    /// <summary>
    /// The <c>classroom_lang</c> cookie: a plain tag (<c>en</c>), or ASP.NET Core's own cookie format (<c>c=en|uic=en</c>).
    /// </summary>
    public static LanguageProvider Cookie() => new(request =>
        request.Cookies[ClassroomLanguages.CookieName] is { } value && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
            ? parsed.UICultures.Select(c => c.Value)
            : [request.Cookies[ClassroomLanguages.CookieName]]);

    /// <summary>Accept-Language, the most preferred language first.</summary>
    public static LanguageProvider AcceptLanguage() => new(request =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(v => v.Quality is not 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => v.Value.Value));

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = candidates(httpContext.Request).Select(ClassroomLanguages.Match).FirstOrDefault(l => l is not null);
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
