namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>
/// WebM files built byte by byte, laid out as Chrome's MediaRecorder writes them (an EBML header, a Segment and
/// Clusters of unknown size, SimpleBlocks), with frames of filler: the gateway checks structure, never decodes.
/// </summary>
public static class TestMedia
{
    /// <summary>A segment with a VP8 track (the first block a keyframe unless told otherwise) and an Opus track.</summary>
    public static byte[] Segment(int width = 640, int height = 480, bool keyframeFirst = true, bool video = true, bool audio = true, int frameBytes = 200,
        string docType = "webm", string videoCodec = "V_VP8", int clusters = 2)
    {
        var tracks = new List<byte[]>();
        if (video)
        {
            tracks.Add(Element(0xAE, Element(0xD7, 1), Element(0x83, 1), Element(0x86, Ascii(videoCodec)), Element(0xE0, Element(0xB0, width), Element(0xBA, height))));
        }

        if (audio)
        {
            tracks.Add(Element(0xAE, Element(0xD7, 2), Element(0x83, 2), Element(0x86, Ascii("A_OPUS")), Element(0x63A2, new byte[19]),
                Element(0xE1, Element(0x9F, 1))));
        }

        var body = new List<byte>();
        body.AddRange(Element(0x1549A966, Element(0x2AD7B1, 1_000_000), Element(0x4D80, Ascii("Chrome"))));
        body.AddRange(Element(0x1654AE6B, [.. tracks.SelectMany(t => t)]));
        for (var c = 0; c < clusters; c++)
        {
            var blocks = new List<byte>();
            for (var f = 0; f < 5; f++)
            {
                if (video)
                {
                    blocks.AddRange(SimpleBlock(1, (short)(f * 33), keyframe: f == 0 && (c > 0 || keyframeFirst), frameBytes));
                }

                if (audio)
                {
                    blocks.AddRange(SimpleBlock(2, (short)(f * 20), keyframe: true, frameBytes / 4));
                }
            }

            body.AddRange([0x1F, 0x43, 0xB6, 0x75, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
            body.AddRange(Element(0xE7, c * 167));
            body.AddRange(blocks);
        }

        return [.. Element(0x1A45DFA3, Element(0x4286, 1), Element(0x42F7, 1), Element(0x42F2, 4), Element(0x42F3, 8),
            Element(0x4282, Ascii(docType)), Element(0x4287, 4), Element(0x4285, 2)),
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. body];
    }

    private static byte[] SimpleBlock(int track, short timecode, bool keyframe, int frameBytes)
    {
        var data = new byte[4 + frameBytes];
        data[0] = (byte)(0x80 | track);
        data[1] = (byte)(timecode >> 8);
        data[2] = (byte)timecode;
        data[3] = keyframe ? (byte)0x80 : (byte)0x00;
        new Random(track * 1000 + timecode).NextBytes(data.AsSpan(4));
        return Element(0xA3, data);
    }

    public static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    public static byte[] Element(uint id, long value)
    {
        var bytes = new List<byte>();
        for (var v = value; v > 0 || bytes.Count == 0; v >>= 8)
        {
            bytes.Insert(0, (byte)v);
        }

        return Element(id, [.. bytes]);
    }

    public static byte[] Element(uint id, params byte[][] children) => Element(id, children.SelectMany(c => c).ToArray());

    public static byte[] Element(uint id, byte[] data)
    {
        var idBytes = new List<byte>();
        for (var v = id; v > 0; v >>= 8)
        {
            idBytes.Insert(0, (byte)v);
        }

        // The 8-byte size form: valid for any length.
        var size = new byte[8];
        size[0] = 0x01;
        for (int i = 7, n = data.Length; i >= 1; i--, n >>= 8)
        {
            size[i] = (byte)n;
        }

        return [.. idBytes, .. size, .. data];
    }
}
