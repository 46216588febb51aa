namespace Classroom.Gateway.Media;

// The clusters of a segment (its frames, in blocks) and the audio-only rendition cut from them.
internal sealed partial class WebmSegment
{
    private const uint PositionId = 0xA7, PrevSizeId = 0xAB, BlockDurationId = 0x9B;
    private static readonly uint[] SegmentLevelIds = [ClusterId, InfoId, TracksId, CuesId, TagsId, SeekHeadId];

    private sealed record Block(int Start, int End, int Track, bool Keyframe);

    private sealed record Cluster((int Start, int End) Timecode, List<Block> Blocks);

    /// <summary>Reads a cluster (its timecode first, then blocks); answers where it ends (for an unknown size: where the next segment-level element begins).</summary>
    private int ReadCluster(Ebml.Header cluster, int segmentEnd)
    {
        var end = cluster.DataEnd(segmentEnd);
        (int Start, int End) timecode = default;
        var blocks = new List<Block>();
        var position = cluster.DataStart;
        while (position < end)
        {
            var child = Ebml.ReadHeader(Span, position, end);
            if (cluster.Size == Ebml.UnknownSize && SegmentLevelIds.Contains(child.Id))
            {
                end = position;
                break;
            }

            if (++_elements > MaxElements || child.Size == Ebml.UnknownSize)
            {
                throw Ebml.Malformed();
            }

            var childEnd = child.DataEnd(end);
            switch (child.Id)
            {
                case TimecodeId when timecode == default && blocks.Count == 0:
                    Ebml.ReadUInt(Span[child.DataStart..childEnd]);
                    timecode = (child.Start, childEnd);
                    break;
                case SimpleBlockId when timecode != default:
                    blocks.Add(ReadBlock(child.Start, child.DataStart, childEnd, simple: true));
                    break;
                case BlockGroupId when timecode != default:
                    blocks.Add(ReadBlockGroup(child));
                    break;
                case PositionId or PrevSizeId or VoidId or CrcId:
                    break;
                default:
                    throw Ebml.Malformed();
            }

            position = childEnd;
        }

        _clusters.Add(new Cluster(timecode != default ? timecode : throw Ebml.Malformed(), blocks));
        return end;
    }

    private Block ReadBlockGroup(Ebml.Header group)
    {
        Block? block = null;
        var referenced = false;
        foreach (var child in Children(group.DataStart, group.DataEnd(0)))
        {
            switch (child.Id)
            {
                case BlockId when block is null:
                    block = ReadBlock(group.Start, child.DataStart, child.DataEnd(0), simple: false);
                    break;
                case ReferenceBlockId:
                    referenced = true;
                    break;
                case BlockDurationId or VoidId or CrcId:
                    break;
                default:
                    throw Ebml.Malformed();
            }
        }

        // A Block is a keyframe when nothing references another frame; the group is copied whole.
        return block is null ? throw Ebml.Malformed() : block with { End = group.DataEnd(0), Keyframe = !referenced };
    }

    /// <summary>A block's header: its track (one that the file declares), a 16-bit relative time, flags, then at least one byte of frame.</summary>
    private Block ReadBlock(int elementStart, int dataStart, int dataEnd, bool simple)
    {
        var position = dataStart;
        var track = Ebml.ReadTrackNumber(Span, ref position, dataEnd);
        if ((track != VideoTrack && track != AudioTrack) || track == 0 || dataEnd - position < 4)
        {
            throw Ebml.Malformed();
        }

        var flags = Span[position + 2];
        return new Block(elementStart, dataEnd, (int)track, simple ? (flags & 0x80) != 0 : true);
    }

    private Block? FirstVideoBlock() => _clusters.SelectMany(c => c.Blocks).FirstOrDefault(b => b.Track == VideoTrack);

    /// <summary>
    /// The sound alone, as a WebM of its own: the same EBML header and Info, Tracks with the Opus track only, and each
    /// cluster's timecode with its Opus blocks. Same timestamps, so the two renditions of a segment are interchangeable
    /// on a timeline. Null without sound; the file itself when it has no picture.
    /// </summary>
    public byte[]? AudioOnly()
    {
        if (AudioTrack == 0)
        {
            return null;
        }

        if (VideoTrack == 0)
        {
            return _bytes;
        }

        using var output = new MemoryStream(_bytes.Length / 8);
        output.Write(Span[_header.Start.._header.End]);
        Ebml.WriteId(output, SegmentId);
        // A live recording's segment: "unknown" size, so no size has to be reckoned in advance.
        output.Write([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        output.Write(Span[_info.Start.._info.End]);
        Ebml.WriteId(output, TracksId);
        Ebml.WriteSize(output, _audioEntry.End - _audioEntry.Start);
        output.Write(Span[_audioEntry.Start.._audioEntry.End]);
        foreach (var cluster in _clusters)
        {
            var audio = cluster.Blocks.Where(b => b.Track == AudioTrack).ToList();
            if (audio.Count == 0)
            {
                continue;
            }

            Ebml.WriteId(output, ClusterId);
            Ebml.WriteSize(output, cluster.Timecode.End - cluster.Timecode.Start + audio.Sum(b => b.End - b.Start));
            output.Write(Span[cluster.Timecode.Start..cluster.Timecode.End]);
            foreach (var block in audio)
            {
                output.Write(Span[block.Start..block.End]);
            }
        }

        return output.ToArray();
    }
}
