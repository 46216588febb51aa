using Classroom.Contracts.Errors;

namespace Classroom.Gateway.Media;

/// <summary>
/// A media segment as the teacher's browser records it, read and checked whole before anything is stored: a WebM file
/// (EBML header with DocType <c>webm</c>, one Segment of Info, Tracks and Clusters) with at most one VP8 or VP9 video
/// track and one Opus track, whose first video frame is a keyframe, so that it plays on its own: what lets a late
/// joiner and a replay start at any segment. Anything else is refused with a <c>media.*</c> code. Nothing is decoded:
/// the frames are the browser's to decode; what is checked is the structure they arrive in.
/// </summary>
internal sealed partial class WebmSegment
{
    private const uint EbmlId = 0x1A45DFA3, DocTypeId = 0x4282, DocTypeReadVersionId = 0x4285, EbmlReadVersionId = 0x42F7;
    private const uint SegmentId = 0x18538067, InfoId = 0x1549A966, TimecodeScaleId = 0x2AD7B1, TracksId = 0x1654AE6B;
    private const uint TrackEntryId = 0xAE, TrackNumberId = 0xD7, TrackTypeId = 0x83, CodecIdId = 0x86, VideoId = 0xE0;
    private const uint PixelWidthId = 0xB0, PixelHeightId = 0xBA, ClusterId = 0x1F43B675, TimecodeId = 0xE7;
    private const uint SimpleBlockId = 0xA3, BlockGroupId = 0xA0, BlockId = 0xA1, ReferenceBlockId = 0xFB;
    private const uint VoidId = 0xEC, CrcId = 0xBF, SeekHeadId = 0x114D9B74, CuesId = 0x1C53BB6B, TagsId = 0x1254C367;

    // Bounds the work a hostile file can ask for: a 4 MB segment of real media has a few thousand elements.
    private const int MaxElements = 100_000;

    private readonly byte[] _bytes;
    private int _elements;
    private (int Start, int End) _header, _info, _audioEntry;
    private readonly List<Cluster> _clusters = [];

    private WebmSegment(byte[] bytes) => _bytes = bytes;

    public int VideoTrack { get; private set; }

    public int AudioTrack { get; private set; }

    public string? VideoCodec { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>The codecs as MSE names them: <c>vp8,opus</c>, <c>vp9</c>, <c>opus</c>…</summary>
    public string Codecs => string.Join(',', new[] { VideoCodec, AudioTrack > 0 ? "opus" : null }.OfType<string>());

    /// <summary>Reads and checks <paramref name="bytes"/>; throws a refusal for anything that is not such a segment.</summary>
    public static WebmSegment Read(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ClassroomValidationException(Refusals.MediaSegmentEmpty);
        }

        if (bytes.Length < 4 || bytes[0] != 0x1A || bytes[1] != 0x45 || bytes[2] != 0xDF || bytes[3] != 0xA3)
        {
            throw new ClassroomValidationException(Refusals.MediaNotWebm);
        }

        var segment = new WebmSegment(bytes);
        segment.ReadFile();
        return segment;
    }

    private ReadOnlySpan<byte> Span => _bytes;

    private void ReadFile()
    {
        var header = Next(0, _bytes.Length, unknownAllowed: false);
        ReadEbmlHeader(header);
        _header = (0, header.DataEnd(_bytes.Length));
        var position = _header.End;
        Ebml.Header segment;
        while ((segment = Next(position, _bytes.Length, unknownAllowed: true)).Id == VoidId)
        {
            position = segment.DataEnd(_bytes.Length);
        }

        if (segment.Id != SegmentId || segment.DataEnd(_bytes.Length) != _bytes.Length)
        {
            throw Ebml.Malformed();
        }

        ReadSegment(segment.DataStart, _bytes.Length);
        if (_clusters.Count == 0 || _clusters.All(c => c.Blocks.Count == 0))
        {
            throw Ebml.Malformed();
        }

        if (VideoTrack > 0 && FirstVideoBlock() is not { Keyframe: true })
        {
            throw new ClassroomValidationException(Refusals.MediaNoKeyframe);
        }
    }

    private void ReadEbmlHeader(Ebml.Header header)
    {
        if (header.Id != EbmlId || header.Size > 1024)
        {
            throw new ClassroomValidationException(Refusals.MediaNotWebm);
        }

        string? docType = null;
        foreach (var child in Children(header.DataStart, header.DataEnd(0)))
        {
            var data = Span[child.DataStart..child.DataEnd(0)];
            switch (child.Id)
            {
                case DocTypeId:
                    docType = Ebml.ReadString(data);
                    break;
                case DocTypeReadVersionId when Ebml.ReadUInt(data) is 0 or > 4:
                case EbmlReadVersionId when Ebml.ReadUInt(data) != 1:
                    throw new ClassroomValidationException(Refusals.MediaNotWebm);
            }
        }

        if (docType != "webm")
        {
            throw new ClassroomValidationException(Refusals.MediaNotWebm);
        }
    }

    private void ReadSegment(int start, int end)
    {
        var position = start;
        while (position < end)
        {
            var element = Next(position, end, unknownAllowed: true);
            var elementEnd = element.DataEnd(end);
            switch (element.Id)
            {
                case InfoId when _info == default && element.Size != Ebml.UnknownSize:
                    _info = (element.Start, elementEnd);
                    ReadInfo(element);
                    break;
                case TracksId when VideoTrack + AudioTrack == 0 && element.Size != Ebml.UnknownSize:
                    ReadTracks(element);
                    break;
                case ClusterId when _info != default && VideoTrack + AudioTrack > 0:
                    elementEnd = ReadCluster(element, end);
                    break;
                case VoidId or CrcId or SeekHeadId or CuesId or TagsId when element.Size != Ebml.UnknownSize:
                    break;
                default:
                    throw Ebml.Malformed();
            }

            position = elementEnd;
        }
    }

    private void ReadInfo(Ebml.Header info)
    {
        foreach (var child in Children(info.DataStart, info.DataEnd(0)))
        {
            if (child.Id == TimecodeScaleId)
            {
                // Nanoseconds per tick: Chrome writes 1,000,000 (milliseconds); anything from a microsecond to a second plays.
                if (Ebml.ReadUInt(Span[child.DataStart..child.DataEnd(0)]) is < 1_000 or > 1_000_000_000)
                {
                    throw Ebml.Malformed();
                }
            }
        }
    }

    private void ReadTracks(Ebml.Header tracks)
    {
        foreach (var entry in Children(tracks.DataStart, tracks.DataEnd(0)))
        {
            if (entry.Id != TrackEntryId)
            {
                continue;
            }

            var (number, type, codec, width, height) = ReadTrackEntry(entry);
            switch (type, codec)
            {
                case (1, "V_VP8" or "V_VP9") when VideoTrack == 0 && number != AudioTrack:
                    (VideoTrack, VideoCodec, Width, Height) = (number, codec == "V_VP8" ? "vp8" : "vp9", width, height);
                    break;
                case (2, "A_OPUS") when AudioTrack == 0 && number != VideoTrack:
                    AudioTrack = number;
                    _audioEntry = (entry.Start, entry.DataEnd(0));
                    break;
                default:
                    throw new ClassroomValidationException(Refusals.MediaUnsupportedCodec);
            }
        }

        if (VideoTrack + AudioTrack == 0)
        {
            throw new ClassroomValidationException(Refusals.MediaUnsupportedCodec);
        }

        if (VideoTrack > 0 && (Width is < Contracts.Media.MediaLimits.MinSide or > Contracts.Media.MediaLimits.MaxSide
            || Height is < Contracts.Media.MediaLimits.MinSide or > Contracts.Media.MediaLimits.MaxSide))
        {
            throw new ClassroomValidationException(Refusals.MediaPictureSize, Contracts.Media.MediaLimits.MinSide, Contracts.Media.MediaLimits.MaxSide);
        }
    }

    private (int Number, ulong Type, string? Codec, int Width, int Height) ReadTrackEntry(Ebml.Header entry)
    {
        int number = 0, width = 0, height = 0;
        ulong type = 0;
        string? codec = null;
        foreach (var child in Children(entry.DataStart, entry.DataEnd(0)))
        {
            var data = Span[child.DataStart..child.DataEnd(0)];
            switch (child.Id)
            {
                case TrackNumberId:
                    // Blocks name their track in one byte here: 1 to 127.
                    number = Ebml.ReadUInt(data) is var n and >= 1 and <= 127 ? (int)n : throw Ebml.Malformed();
                    break;
                case TrackTypeId:
                    type = Ebml.ReadUInt(data);
                    break;
                case CodecIdId:
                    codec = Ebml.ReadString(data);
                    break;
                case VideoId:
                    foreach (var video in Children(child.DataStart, child.DataEnd(0)))
                    {
                        var value = (int)Math.Min(int.MaxValue, Ebml.ReadUInt(Span[video.DataStart..video.DataEnd(0)]));
                        (width, height) = video.Id == PixelWidthId ? (value, height) : video.Id == PixelHeightId ? (width, value) : (width, height);
                    }

                    break;
            }
        }

        return number > 0 ? (number, type, codec, width, height) : throw Ebml.Malformed();
    }

    /// <summary>The elements directly inside [<paramref name="start"/>, <paramref name="end"/>), all of known size.</summary>
    private List<Ebml.Header> Children(int start, int end)
    {
        var children = new List<Ebml.Header>();
        for (var position = start; position < end;)
        {
            var child = Next(position, end, unknownAllowed: false);
            children.Add(child);
            position = child.DataEnd(end);
        }

        return children;
    }

    private Ebml.Header Next(int position, int end, bool unknownAllowed)
    {
        if (++_elements > MaxElements)
        {
            throw Ebml.Malformed();
        }

        var header = Ebml.ReadHeader(Span, position, end);
        return header.Size != Ebml.UnknownSize || (unknownAllowed && header.Id is SegmentId or ClusterId) ? header : throw Ebml.Malformed();
    }
}
