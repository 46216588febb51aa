using SkiaSharp;

namespace Classroom.Gateway.Photos;

/// <summary>
/// A photo's EXIF orientation: how the camera's stored pixels are turned to be seen upright. Phones store most photos
/// sideways with orientation 6; dropping the EXIF without turning the pixels would show them lying on their side.
/// </summary>
internal static class PhotoOrientation
{
    /// <summary>The size of the pixels of <paramref name="stored"/> size once turned upright: sides swapped for a quarter turn.</summary>
    public static SKSizeI Upright(SKSizeI stored, SKEncodedOrigin origin) =>
        SwapsSides(origin) ? new SKSizeI(stored.Height, stored.Width) : stored;

    /// <summary>
    /// The transform drawing stored pixels of <paramref name="width"/> × <paramref name="height"/> upright, into the box
    /// of <see cref="Upright"/> size (Skia's own SkEncodedOriginToMatrix).
    /// </summary>
    public static SKMatrix Matrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => Make(-1, 0, width, 0, 1, 0),
        SKEncodedOrigin.BottomRight => Make(-1, 0, width, 0, -1, height),
        SKEncodedOrigin.BottomLeft => Make(1, 0, 0, 0, -1, height),
        SKEncodedOrigin.LeftTop => Make(0, 1, 0, 1, 0, 0),
        SKEncodedOrigin.RightTop => Make(0, -1, height, 1, 0, 0),
        SKEncodedOrigin.RightBottom => Make(0, -1, height, -1, 0, width),
        SKEncodedOrigin.LeftBottom => Make(0, 1, 0, -1, 0, width),
        _ => SKMatrix.Identity,
    };

    private static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    private static SKMatrix Make(float scaleX, float skewX, float transX, float skewY, float scaleY, float transY) =>
        new(scaleX, skewX, transX, skewY, scaleY, transY, 0, 0, 1);
}
