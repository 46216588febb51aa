namespace Classroom.Bench.Media;

/// <summary>
/// A WebM segment laid out as Chrome's MediaRecorder writes one (unknown-size Segment and Clusters, SimpleBlocks), a VP8
/// track at 640×480 and an Opus track, of about the size asked: the gateway checks structure, never decodes frames.
/// </summary>
internal static class SyntheticSegment
{
    public static byte[] Create(int bytes, int seed)
    {
        var random = new Random(seed);
        var body = new List<byte>();
        body.AddRange(Element(0x1549A966, Element(0x2AD7B1, Number(1_000_000))));
        body.AddRange(Element(0x1654AE6B, [.. Element(0xAE, [.. Element(0xD7, Number(1)), .. Element(0x83, Number(1)), .. Element(0x86, "V_VP8"u8.ToArray()),
            .. Element(0xE0, [.. Element(0xB0, Number(640)), .. Element(0xBA, Number(480))])]),
            .. Element(0xAE, [.. Element(0xD7, Number(2)), .. Element(0x83, Number(2)), .. Element(0x86, "A_OPUS"u8.ToArray())])]));
        body.AddRange([0x1F, 0x43, 0xB6, 0x75, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        body.AddRange(Element(0xE7, Number(0)));
        // 30 video frames (the first a keyframe, a tenth of the bytes) and 50 Opus frames of 120 bytes: a second of 640×480.
        var frame = Math.Max(16, (bytes - 50 * 130) / 40);
        for (var f = 0; f < 30; f++)
        {
            body.AddRange(Block(1, f * 33, f == 0, f == 0 ? frame * 10 : frame, random));
        }

        for (var f = 0; f < 50; f++)
        {
            body.AddRange(Block(2, f * 20, true, 120, random));
        }

        return [.. Element(0x1A45DFA3, [.. Element(0x4282, "webm"u8.ToArray()), .. Element(0x4285, Number(2))]),
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. body];
    }

    private static byte[] Block(int track, int timecode, bool keyframe, int size, Random random)
    {
        var data = new byte[4 + size];
        (data[0], data[1], data[2], data[3]) = ((byte)(0x80 | track), (byte)(timecode >> 8), (byte)timecode, keyframe ? (byte)0x80 : (byte)0);
        random.NextBytes(data.AsSpan(4));
        return Element(0xA3, data);
    }

    private static byte[] Number(long value) => [.. BitConverter.GetBytes(value).Reverse().SkipWhile(b => b == 0).DefaultIfEmpty()];

    private static byte[] Element(uint id, byte[] data)
    {
        var head = BitConverter.GetBytes(id).Reverse().SkipWhile(b => b == 0).ToList();
        head.Add(0x01);
        head.AddRange(BitConverter.GetBytes((long)data.Length).Reverse().Skip(1));
        return [.. head, .. data];
    }
}
