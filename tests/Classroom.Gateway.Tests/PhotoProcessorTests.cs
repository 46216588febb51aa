using Classroom.Contracts.Errors;
using Classroom.Gateway.Photos;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Classroom.Gateway.Tests;

/// <summary>The re-encoder on its own: orientation, transparency, scaling and limits, checked on the pixels it produces.</summary>
public sealed class PhotoProcessorTests : IDisposable
{
    // Quadrants of the upright picture: what a person must see whatever way the camera stored it.
    private static readonly SKColor TopLeft = SKColors.Red, TopRight = SKColors.Lime, BottomLeft = SKColors.Blue, BottomRight = SKColors.Yellow;

    private readonly PhotoProcessor _processor = new(Options.Create(new PhotoOptions()));

    public static TheoryData<int> Orientations => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Orientations))]
    public async Task A_photo_stored_in_any_exif_orientation_comes_out_upright_and_without_the_tag(int orientation)
    {
        var upload = TestImages.WithExif(StoredAs(orientation, uprightWidth: 96, uprightHeight: 64), orientation, gps: false);

        var photo = await _processor.ProcessAsync(upload, CancellationToken.None);

        using var pixels = TestImages.Decode(photo.Jpeg);
        Assert.Equal((96, 64), (photo.Width, photo.Height));
        Assert.Equal((96, 64), (pixels.Width, pixels.Height));
        AssertClose(TopLeft, pixels.GetPixel(24, 16));
        AssertClose(TopRight, pixels.GetPixel(72, 16));
        AssertClose(BottomLeft, pixels.GetPixel(24, 48));
        AssertClose(BottomRight, pixels.GetPixel(72, 48));
        Assert.Equal(SKEncodedOrigin.TopLeft, TestImages.Orientation(photo.Jpeg));
    }

    [Fact]
    public async Task Transparency_is_laid_on_white()
    {
        var upload = TestImages.Png(64, 32, (x, _) => x < 32 ? SKColors.Transparent : new SKColor(255, 0, 0, 128));

        var photo = await _processor.ProcessAsync(upload, CancellationToken.None);

        using var pixels = TestImages.Decode(photo.Jpeg);
        Assert.Equal([0xFF, 0xD8, 0xFF], photo.Jpeg[..3]);
        AssertClose(SKColors.White, pixels.GetPixel(8, 16));
        AssertClose(new SKColor(255, 127, 127), pixels.GetPixel(56, 16));
    }

    [Theory]
    [InlineData(4000, 3000, 2048, 1536)]
    [InlineData(3000, 1000, 2048, 683)]
    [InlineData(1000, 9000, 228, 2048)]
    [InlineData(2048, 100, 2048, 100)]
    [InlineData(1, 1, 1, 1)]
    public async Task A_photo_is_scaled_down_to_2048_pixels_on_its_longest_side_and_never_up(int width, int height, int expectedWidth, int expectedHeight)
    {
        var photo = await _processor.ProcessAsync(TestImages.Jpeg(width, height), CancellationToken.None);

        using var pixels = TestImages.Decode(photo.Jpeg);
        Assert.Equal((expectedWidth, expectedHeight), (photo.Width, photo.Height));
        Assert.Equal((expectedWidth, expectedHeight), (pixels.Width, pixels.Height));
    }

    [Fact]
    public async Task A_large_jpeg_is_scaled_from_its_pixels_not_cropped()
    {
        var upload = TestImages.Jpeg(4000, 2000, (x, y) => (x < 2000, y < 1000) switch
        {
            (true, true) => TopLeft,
            (false, true) => TopRight,
            (true, false) => BottomLeft,
            _ => BottomRight,
        });

        var photo = await _processor.ProcessAsync(upload, CancellationToken.None);

        using var pixels = TestImages.Decode(photo.Jpeg);
        Assert.Equal((2048, 1024), (pixels.Width, pixels.Height));
        AssertClose(TopLeft, pixels.GetPixel(512, 256));
        AssertClose(TopRight, pixels.GetPixel(1536, 256));
        AssertClose(BottomLeft, pixels.GetPixel(512, 768));
        AssertClose(BottomRight, pixels.GetPixel(1536, 768));
    }

    [Fact]
    public async Task The_limits_come_from_the_options()
    {
        using var strict = new PhotoProcessor(Options.Create(new PhotoOptions { MaxBytes = 512 * 1024, MaxSide = 50, MaxPixels = 1000 }));

        var tooLarge = await Assert.ThrowsAsync<ClassroomValidationException>(() => strict.ProcessAsync(new byte[512 * 1024 + 1], CancellationToken.None));
        var tooWide = await Assert.ThrowsAsync<ClassroomValidationException>(() => strict.ProcessAsync(TestImages.Png(51, 1), CancellationToken.None));
        var tooMany = await Assert.ThrowsAsync<ClassroomValidationException>(() => strict.ProcessAsync(TestImages.Png(40, 26), CancellationToken.None));
        var fits = await strict.ProcessAsync(TestImages.Png(40, 25), CancellationToken.None);

        Assert.Equal(("photo.too-large", "A photo is at most 0.5 MB."), (tooLarge.Code, tooLarge.Message));
        Assert.Equal("A photo has at most 0 million pixels and 50 pixels on a side; this one is 51 × 1.", tooWide.Message);
        Assert.Equal("A photo has at most 0 million pixels and 50 pixels on a side; this one is 40 × 26.", tooMany.Message);
        Assert.Equal((40, 25), (fits.Width, fits.Height));
    }

    public void Dispose() => _processor.Dispose();

    /// <summary>
    /// The upright quadrant picture stored the way a camera with EXIF orientation <paramref name="orientation"/> stores it,
    /// from the EXIF definitions (where the stored 0th row and 0th column are seen), not from the code under test.
    /// </summary>
    private static byte[] StoredAs(int orientation, int uprightWidth, int uprightHeight)
    {
        var swapped = orientation >= 5;
        var (width, height) = swapped ? (uprightHeight, uprightWidth) : (uprightWidth, uprightHeight);
        var stored = new SKColor[width, height];
        for (var v = 0; v < uprightHeight; v++)
        {
            for (var u = 0; u < uprightWidth; u++)
            {
                var (x, y) = orientation switch
                {
                    1 => (u, v), // 0th row at the top, 0th column on the left
                    2 => (width - 1 - u, v), // 0th row at the top, 0th column on the right
                    3 => (width - 1 - u, height - 1 - v), // 0th row at the bottom, 0th column on the right
                    4 => (u, height - 1 - v), // 0th row at the bottom, 0th column on the left
                    5 => (v, u), // 0th row on the left, 0th column at the top
                    6 => (v, uprightWidth - 1 - u), // 0th row on the right, 0th column at the top
                    7 => (uprightHeight - 1 - v, uprightWidth - 1 - u), // 0th row on the right, 0th column at the bottom
                    _ => (uprightHeight - 1 - v, u), // 8: 0th row on the left, 0th column at the bottom
                };
                stored[x, y] = (u < uprightWidth / 2, v < uprightHeight / 2) switch
                {
                    (true, true) => TopLeft,
                    (false, true) => TopRight,
                    (true, false) => BottomLeft,
                    _ => BottomRight,
                };
            }
        }

        return TestImages.Jpeg(width, height, (x, y) => stored[x, y]);
    }

    /// <summary>Within a few levels per channel: JPEG is lossy, and the centre of a flat area keeps its colour to within that.</summary>
    private static void AssertClose(SKColor expected, SKColor actual)
    {
        const int tolerance = 6;
        Assert.True(
            Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= tolerance && actual.Alpha == 255,
            $"expected {expected} within {tolerance} per channel, got {actual}");
    }
}
