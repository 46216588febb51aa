using Classroom.Contracts.Errors;

namespace Classroom.Gateway.Media;

/// <summary>
/// EBML, the binary layout of WebM (RFC 8794): elements of an id and a size, both variable-length integers. Every read
/// is checked against the end of what holds it, so a lying size or a truncated file is a refusal, never a read past
/// the buffer. The largest id is 4 bytes, the largest size 8; all ones in a size means "unknown" (a live recording's
/// Segment and Clusters, which end where the next element of their parent begins).
/// </summary>
internal static class Ebml
{
    public const long UnknownSize = -1;

    /// <summary>An element's header: its id (with the length marker, as specifications write ids), where its data begins, its size.</summary>
    public readonly record struct Header(uint Id, int Start, int DataStart, long Size)
    {
        /// <summary>Where the data ends: the end of the known size, or <paramref name="parentEnd"/> for an unknown one.</summary>
        public int DataEnd(int parentEnd) => Size == UnknownSize ? parentEnd : DataStart + (int)Size;
    }

    /// <summary>Reads the element header at <paramref name="position"/>; its data must lie within <paramref name="end"/>.</summary>
    public static Header ReadHeader(ReadOnlySpan<byte> bytes, int position, int end)
    {
        var start = position;
        var id = ReadId(bytes, ref position, end);
        var size = ReadSize(bytes, ref position, end);
        if (size != UnknownSize && size > end - position)
        {
            throw Malformed();
        }

        return new Header(id, start, position, size);
    }

    /// <summary>An unsigned integer element's value (0 to 8 bytes, big-endian).</summary>
    public static ulong ReadUInt(ReadOnlySpan<byte> data)
    {
        if (data.Length > 8)
        {
            throw Malformed();
        }

        ulong value = 0;
        foreach (var b in data)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>A string element's value: ASCII, trailing zero bytes dropped.</summary>
    public static string ReadString(ReadOnlySpan<byte> data)
    {
        if (data.Length > 64)
        {
            throw Malformed();
        }

        var text = System.Text.Encoding.ASCII.GetString(data.TrimEnd((byte)0));
        return text.All(c => c is >= ' ' and <= '~') ? text : throw Malformed();
    }

    /// <summary>A block's track number: a variable-length integer with its marker removed.</summary>
    public static long ReadTrackNumber(ReadOnlySpan<byte> bytes, ref int position, int end)
    {
        var size = ReadSize(bytes, ref position, end);
        return size == UnknownSize ? throw Malformed() : size;
    }

    /// <summary>A size as the 8-byte form of a variable-length integer (always valid, never "unknown" below 2^56 - 1).</summary>
    public static void WriteSize(Stream output, long size)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes[0] = 0x01;
        for (var i = 7; i >= 1; i--)
        {
            bytes[i] = (byte)size;
            size >>= 8;
        }

        output.Write(bytes);
    }

    /// <summary>An id as it is written (ids carry their own length marker).</summary>
    public static void WriteId(Stream output, uint id)
    {
        var length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        for (var i = length - 1; i >= 0; i--)
        {
            output.WriteByte((byte)(id >> (8 * i)));
        }
    }

    public static ClassroomValidationException Malformed() => new(Refusals.MediaMalformed);

    private static uint ReadId(ReadOnlySpan<byte> bytes, ref int position, int end)
    {
        var length = LengthOf(bytes, position, end, maxLength: 4);
        uint id = 0;
        for (var i = 0; i < length; i++)
        {
            id = (id << 8) | bytes[position + i];
        }

        position += length;
        return id;
    }

    private static long ReadSize(ReadOnlySpan<byte> bytes, ref int position, int end)
    {
        var length = LengthOf(bytes, position, end, maxLength: 8);
        long value = bytes[position] & (0xFF >> length);
        var allOnes = value == (0xFF >> length);
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | bytes[position + i];
            allOnes &= bytes[position + i] == 0xFF;
        }

        position += length;
        return allOnes ? UnknownSize : value;
    }

    /// <summary>The length of the variable-length integer at <paramref name="position"/>: one more than its first byte's leading zeros.</summary>
    private static int LengthOf(ReadOnlySpan<byte> bytes, int position, int end, int maxLength)
    {
        if (position >= end || bytes[position] == 0)
        {
            throw Malformed();
        }

        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)bytes[position]) - 23;
        return length <= maxLength && position + length <= end ? length : throw Malformed();
    }
}
