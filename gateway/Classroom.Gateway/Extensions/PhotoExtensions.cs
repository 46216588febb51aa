using Classroom.Gateway.Photos;

namespace Classroom.Gateway.Extensions;

/// <summary>Photo uploads: their limits (<c>Classroom:Gateway:Photos</c>), the re-encoder, the per-user throttle.</summary>
internal static class PhotoExtensions
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section)
            .Validate(PhotoOptions.IsValid, "Classroom:Gateway:Photos has a value out of range: limits must be positive, MaxBytes at most 64 MB and JpegQuality 1 to 100.")
            .ValidateOnStart();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<PhotoUploadThrottle>();
        services.AddSingleton<PhotoMetrics>();
        return services;
    }
}
