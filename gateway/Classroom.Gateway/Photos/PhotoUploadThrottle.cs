using Classroom.Gateway.Api;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Photos;

/// <summary>Photo uploads per user: <see cref="PhotoOptions.UploadsPerWindow"/> in <see cref="PhotoOptions.UploadWindow"/> (each costs a decode of up to 40 megapixels).</summary>
public sealed class PhotoUploadThrottle(IOptions<PhotoOptions> options, TimeProvider time) : UploadThrottle(time)
{
    protected override int PerWindow => options.Value.UploadsPerWindow;

    protected override TimeSpan Window => options.Value.UploadWindow;
}
