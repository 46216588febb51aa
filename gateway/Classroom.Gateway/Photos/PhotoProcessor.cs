using Classroom.Contracts.Errors;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Classroom.Gateway.Photos;

/// <summary>
/// Turns an upload into a photo that is safe to serve: the format is read from the content (never the file name or the
/// declared type), JPEG and PNG only; the size and the declared pixel count are checked before anything is decoded;
/// then the pixels are decoded, turned upright (EXIF orientation), scaled down to <see cref="PhotoOptions.MaxOutputSide"/>,
/// laid on white (JPEG has no transparency) and encoded afresh as a JPEG. Only pixels cross from the upload to the
/// photo: its metadata (EXIF, GPS), colour profile, comments and any bytes after the image are left behind, so a
/// crafted file is never served as it came. Anything Skia cannot decode completely is refused as unreadable.
/// </summary>
public sealed class PhotoProcessor(IOptions<PhotoOptions> options) : IDisposable
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);
    private readonly PhotoOptions _options = options.Value;
    private readonly SemaphoreSlim _decodes = new(options.Value.MaxConcurrentDecodes);

    /// <summary>The re-encoded photo; refuses with a <see cref="ClassroomValidationException"/> (a <c>photo.*</c> code).</summary>
    public async Task<ProcessedPhoto> ProcessAsync(byte[] upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Length == 0)
        {
            throw new ClassroomValidationException(Refusals.PhotoEmpty);
        }

        if (upload.Length > _options.MaxBytes)
        {
            throw TooLarge(_options.MaxBytes);
        }

        var format = PhotoFormats.Detect(upload) ?? throw new ClassroomValidationException(Refusals.PhotoUnsupportedType);
        await _decodes.WaitAsync(cancellationToken);
        try
        {
            return Reencode(upload, format);
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>The refusal of an upload over <paramref name="maxBytes"/>, which it names in megabytes.</summary>
    public static ClassroomValidationException TooLarge(long maxBytes) =>
        new(Refusals.PhotoTooLarge, Math.Round(maxBytes / (1024.0 * 1024.0), 1));

    public void Dispose() => _decodes.Dispose();

    private ProcessedPhoto Reencode(byte[] upload, SKEncodedImageFormat format)
    {
        using var stream = new MemoryStream(upload, writable: false);
        // Reads the header only: the dimensions are known before a single pixel is decoded.
        using var codec = SKCodec.Create(stream, out _);
        if (codec is null || codec.EncodedFormat != format)
        {
            throw Unreadable();
        }

        var stored = codec.Info.Size;
        if (stored.Width <= 0 || stored.Height <= 0)
        {
            throw Unreadable();
        }

        if (stored.Width > _options.MaxSide || stored.Height > _options.MaxSide || (long)stored.Width * stored.Height > _options.MaxPixels)
        {
            throw new ClassroomValidationException(Refusals.PhotoTooManyPixels,
                Math.Round(_options.MaxPixels / 1_000_000.0, 1), _options.MaxSide, stored.Width, stored.Height);
        }

        var origin = codec.EncodedOrigin;
        var output = OutputSize(PhotoOrientation.Upright(stored, origin));
        using var decoded = Decode(codec, Math.Max(output.Width, output.Height));
        return Encode(decoded, origin, output);
    }

    /// <summary>The upright size scaled down so its longest side is at most <see cref="PhotoOptions.MaxOutputSide"/>.</summary>
    private SKSizeI OutputSize(SKSizeI upright)
    {
        var factor = Math.Min(1.0, (double)_options.MaxOutputSide / Math.Max(upright.Width, upright.Height));
        return new SKSizeI(Math.Max(1, (int)Math.Round(upright.Width * factor)), Math.Max(1, (int)Math.Round(upright.Height * factor)));
    }

    /// <summary>
    /// The pixels, in sRGB, at the smallest size the codec decodes to directly whose longest side still covers
    /// <paramref name="longestSide"/>: JPEG decodes at 1/8 to 8/8 of its size for little more than the cost of the
    /// smaller image, so a 40-megapixel photo never takes 160 MB; PNG decodes at full size only.
    /// </summary>
    private static SKBitmap Decode(SKCodec codec, int longestSide)
    {
        var size = codec.Info.Size;
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(scaled.Width, scaled.Height) >= longestSide)
            {
                size = scaled;
                break;
            }
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        // Incomplete input (a truncated file) decodes as far as it goes and fills the rest: refused, never shown half grey.
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw Unreadable();
        }

        return bitmap;
    }

    private ProcessedPhoto Encode(SKBitmap decoded, SKEncodedOrigin origin, SKSizeI output)
    {
        // No colour space on the output: the pixels are sRGB already, and the encoder then writes no ICC profile.
        using var photo = new SKBitmap(new SKImageInfo(output.Width, output.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(SKColors.White);
            var upright = PhotoOrientation.Upright(decoded.Info.Size, origin);
            canvas.Scale(output.Width / (float)upright.Width, output.Height / (float)upright.Height);
            canvas.Concat(PhotoOrientation.Matrix(origin, decoded.Width, decoded.Height));
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, 0, 0, Sampling);
        }

        using var pixels = photo.PeekPixels();
        using var jpeg = pixels.Encode(new SKJpegEncoderOptions(_options.JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException($"Skia did not encode a {output.Width}×{output.Height} JPEG.");
        return new ProcessedPhoto(jpeg.ToArray(), output.Width, output.Height);
    }

    private static ClassroomValidationException Unreadable() => new(Refusals.PhotoUnreadable);
}
