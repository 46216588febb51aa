using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>Images made in code for the photo tests: real ones drawn with Skia, and crafted headers, metadata and payloads.</summary>
public static class TestImages
{
    /// <summary>A JPEG of <paramref name="width"/> × <paramref name="height"/> whose pixels <paramref name="paint"/> chooses (x, y → colour).</summary>
    public static byte[] Jpeg(int width, int height, Func<int, int, SKColor>? paint = null) => Encode(width, height, paint, SKEncodedImageFormat.Jpeg);

    /// <summary>A PNG (with its alpha channel) of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] Png(int width, int height, Func<int, int, SKColor>? paint = null) => Encode(width, height, paint, SKEncodedImageFormat.Png);

    /// <summary>Left half <paramref name="left"/>, right half <paramref name="right"/>.</summary>
    public static Func<int, int, SKColor> Halves(int width, SKColor left, SKColor right) => (x, _) => x < width / 2 ? left : right;

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF segment right after its start: the orientation tag, and GPS coordinates
    /// (39°54'27"N 116°23'29"E, Tiananmen) when <paramref name="gps"/>; and a comment segment saying <paramref name="comment"/>.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, int orientation, bool gps = true, string? comment = null)
    {
        var segments = new List<byte>();
        segments.AddRange(Segment(0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation, gps)]));
        if (comment is not null)
        {
            segments.AddRange(Segment(0xFE, Encoding.ASCII.GetBytes(comment)));
        }

        return [.. jpeg[..2], .. segments, .. jpeg[2..]];
    }

    /// <summary><paramref name="jpeg"/> with its frame header claiming <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] WithDeclaredSize(byte[] jpeg, ushort width, ushort height)
    {
        var patched = (byte[])jpeg.Clone();
        var frame = SegmentOffset(patched, 0xC0);
        // FF C0, length (2), precision (1), height (2), width (2).
        BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(frame + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(frame + 7), width);
        return patched;
    }

    /// <summary>
    /// A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/> RGBA pixels, with a few hundred
    /// bytes of compressed zeros after it: decoded, it would take width × height × 4 bytes (a decompression bomb).
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        using var zeros = new MemoryStream();
        using (var zlib = new ZLibStream(zeros, CompressionLevel.SmallestSize))
        {
            zlib.Write(new byte[1 << 20]);
        }

        return [.. PngSignature, .. Chunk("IHDR", header), .. Chunk("IDAT", zeros.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A 1 × 1 GIF (the classic 43-byte transparent pixel).</summary>
    public static byte[] Gif() =>
    [
        .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x21, 0xF9, 0x04, 0x01, 0x00,
        0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>The markers of the segments before the image data (SOI to SOS), e.g. E0 (JFIF), E1 (EXIF), FE (comment).</summary>
    public static List<byte> HeaderMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF;)
        {
            markers.Add(jpeg[at + 1]);
            if (jpeg[at + 1] == 0xDA)
            {
                break;
            }

            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }

        return markers;
    }

    /// <summary>The decoded pixels of <paramref name="image"/>, as Skia reads them (no orientation applied).</summary>
    public static SKBitmap Decode(byte[] image) => SKBitmap.Decode(image) ?? throw new InvalidOperationException("Skia could not decode the image.");

    /// <summary>The EXIF orientation Skia reads from <paramref name="image"/> (TopLeft when it has none).</summary>
    public static SKEncodedOrigin Orientation(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        return codec.EncodedOrigin;
    }

    private static byte[] Encode(int width, int height, Func<int, int, SKColor>? paint, SKEncodedImageFormat format)
    {
        var colours = new SKColor[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                colours[y * width + x] = paint?.Invoke(x, y) ?? new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
            }
        }

        // One copy into Skia: setting pixels one call at a time takes seconds for a 12-megapixel picture.
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul)) { Pixels = colours };

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static int SegmentOffset(byte[] jpeg, byte marker)
    {
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF; at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2)))
        {
            if (jpeg[at + 1] == marker)
            {
                return at;
            }
        }

        throw new InvalidOperationException($"The JPEG has no FF {marker:X2} segment.");
    }

    /// <summary>A little-endian TIFF block: IFD0 with the orientation (and a pointer to the GPS IFD), then the GPS IFD.</summary>
    private static byte[] Tiff(int orientation, bool gps)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(int v) => tiff.AddRange(BitConverter.GetBytes((uint)v));
        void Entry(int tag, int type, int count, int value)
        {
            U16(tag);
            U16(type);
            U32(count);
            U32(value);
        }

        tiff.AddRange("II*\0"u8.ToArray());
        U32(8);
        const int ifd0Size = 2 + 2 * 12 + 4;
        const int gpsAt = 8 + ifd0Size;
        U16(gps ? 2 : 1);
        Entry(0x0112, 3, 1, orientation); // Orientation, SHORT (stored in the value's low half)
        if (gps)
        {
            Entry(0x8825, 4, 1, gpsAt); // GPS IFD pointer, LONG
        }

        U32(0);
        if (!gps)
        {
            return [.. tiff];
        }

        while (tiff.Count < gpsAt)
        {
            tiff.Add(0);
        }

        const int gpsSize = 2 + 4 * 12 + 4;
        const int latitudeAt = gpsAt + gpsSize;
        const int longitudeAt = latitudeAt + 24;
        U16(4);
        Entry(0x0001, 2, 2, 'N'); // GPSLatitudeRef, ASCII "N\0"
        Entry(0x0002, 5, 3, latitudeAt); // GPSLatitude, 3 RATIONALs
        Entry(0x0003, 2, 2, 'E'); // GPSLongitudeRef, ASCII "E\0"
        Entry(0x0004, 5, 3, longitudeAt); // GPSLongitude, 3 RATIONALs
        U32(0);
        foreach (var (numerator, denominator) in new[] { (39, 1), (54, 1), (2700, 100), (116, 1), (23, 1), (2900, 100) })
        {
            U32(numerator);
            U32(denominator);
        }

        return [.. tiff];
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: a test image needs no table.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
