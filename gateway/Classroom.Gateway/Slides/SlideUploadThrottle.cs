using Classroom.Gateway.Api;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Slides;

/// <summary>Slide uploads per user: <see cref="SlideOptions.UploadsPerWindow"/> in <see cref="SlideOptions.UploadWindow"/> (each costs a PDF check).</summary>
public sealed class SlideUploadThrottle(IOptions<SlideOptions> options, TimeProvider time) : UploadThrottle(time)
{
    protected override int PerWindow => options.Value.UploadsPerWindow;

    protected override TimeSpan Window => options.Value.UploadWindow;
}
