using Classroom.Gateway.Slides;

namespace Classroom.Gateway.Extensions;

/// <summary>Slide uploads: their limits (<c>Classroom:Gateway:Slides</c>), the PDF checker, the per-user throttle.</summary>
internal static class SlideExtensions
{
    public static IServiceCollection AddSlides(this IServiceCollection services)
    {
        services.AddOptions<SlideOptions>().BindConfiguration(SlideOptions.Section)
            .Validate(SlideOptions.IsValid, "Classroom:Gateway:Slides has a value out of range: limits must be positive, MaxBytes at most 64 MB and MinPageSide at most MaxPageSide.")
            .ValidateOnStart();
        services.AddSingleton<SlideDeckProcessor>();
        services.AddSingleton<SlideUploadThrottle>();
        return services;
    }
}
