using SkiaSharp;

namespace Classroom.Gateway.Photos;

/// <summary>The formats photos are accepted in, told apart by their first bytes (magic numbers), never by a name or a type.</summary>
internal static class PhotoFormats
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>JPEG or PNG by the content's signature; null for anything else (GIF, WebP, HTML, SVG, a script…).</summary>
    public static SKEncodedImageFormat? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(Jpeg) ? SKEncodedImageFormat.Jpeg
        : content.StartsWith(Png) ? SKEncodedImageFormat.Png
        : null;
}
