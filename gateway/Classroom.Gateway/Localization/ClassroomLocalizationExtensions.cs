using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Classroom.Gateway.Localization;

/// <summary>The gateway's languages: the refusal catalogue, and which language each request (and hub connection) reads.</summary>
public static class ClassroomLocalizationExtensions
{
    /// <summary>
    /// Adds the refusal catalogue and request localization: zh-CN by default, en on request, chosen by the <c>lang</c>
    /// query parameter, then the <c>classroom_lang</c> cookie, then Accept-Language.
    /// </summary>
    public static IServiceCollection AddClassroomLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<RefusalLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = ClassroomLanguages.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(ClassroomLanguages.Chinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [LanguageProvider.Query(), LanguageProvider.Cookie(), LanguageProvider.AcceptLanguage()];
        });
        return services;
    }

    /// <summary>Sets each request's language; first in the pipeline, so error pages and the hub's connections see it.</summary>
    public static WebApplication UseClassroomLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
