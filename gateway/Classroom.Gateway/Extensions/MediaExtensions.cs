using Classroom.Gateway.Media;
using Classroom.Silo.Extensions;

namespace Classroom.Gateway.Extensions;

/// <summary>Lesson media: the blob store segments live in, upload limits (<c>Classroom:Gateway:Media</c>), metrics, viewers' delays.</summary>
internal static class MediaExtensions
{
    public static WebApplicationBuilder AddMedia(this WebApplicationBuilder builder)
    {
        builder.AddClassroomBlobs();
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .Validate(MediaOptions.IsValid, "Classroom:Gateway:Media has a value out of range: MaxSegmentBytes 1 to 32 MB, UploadsPerMinute positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MediaMetrics>();
        builder.Services.AddSingleton<MediaLagBoard>();
        return builder;
    }

    /// <summary>The per-user upload limit, read once at start as the gateway's other rate limits are.</summary>
    public static int UploadsPerMinute(this WebApplicationBuilder builder) =>
        builder.Configuration.GetSection(MediaOptions.Section).Get<MediaOptions>()?.UploadsPerMinute ?? new MediaOptions().UploadsPerMinute;
}
