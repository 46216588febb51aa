using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Classroom.Gateway.Slides;

/// <summary>
/// PdfPig's stream filters with a budget: what one PDF's streams may decompress to, all together, and a deadline. A
/// Flate stream is first inflated into nothing, counting, and decoded only if it fits; a RunLength stream's size is
/// read from its length bytes; an LZW stream (which may grow about 3,600 times) only if even that growth would fit.
/// So a decompression bomb is refused before it takes the memory, and a slow PDF stops at its next stream once the
/// check has run out of time.
/// </summary>
internal sealed class PdfFilterBudget : BaseFilterProvider
{
    // LZW's codes are 9 to 12 bits, and one code can stand for up to 4,096 bytes.
    private const long LzwMaxGrowth = 4096 * 8 / 9 + 1;

    private readonly CancellationToken _deadline;
    private long _remaining;

    public PdfFilterBudget(long maxDecodedBytes, CancellationToken deadline)
        : this(new Budget(), maxDecodedBytes, deadline)
    {
    }

    private PdfFilterBudget(Budget budget, long maxDecodedBytes, CancellationToken deadline)
        : base(Filters(budget))
    {
        budget.Owner = this;
        _remaining = maxDecodedBytes;
        _deadline = deadline;
    }

    /// <summary>Takes <paramref name="bytes"/> out of the budget, or refuses when it would be overdrawn or time is up.</summary>
    private void Spend(long bytes)
    {
        _deadline.ThrowIfCancellationRequested();
        if (bytes > _remaining)
        {
            throw new PdfBudgetExceededException();
        }

        _remaining -= bytes;
    }

    private static Dictionary<string, IFilter> Filters(Budget budget)
    {
        var flate = new BudgetedFilter(new FlateFilter(), budget, InflatedLength);
        var lzw = new BudgetedFilter(new LzwFilter(), budget, (input, _) => input.Length * LzwMaxGrowth);
        var runLength = new BudgetedFilter(new RunLengthFilter(), budget, (input, _) => RunLengthDecodedLength(input));
        IFilter Plain(IFilter filter) => new BudgetedFilter(filter, budget, null);
        return new Dictionary<string, IFilter>
        {
            ["FlateDecode"] = flate, ["Fl"] = flate,
            ["LZWDecode"] = lzw, ["LZW"] = lzw,
            ["RunLengthDecode"] = runLength, ["RL"] = runLength,
            ["ASCII85Decode"] = Plain(new Ascii85Filter()), ["A85"] = Plain(new Ascii85Filter()),
            ["ASCIIHexDecode"] = Plain(new AsciiHexDecodeFilter()), ["AHx"] = Plain(new AsciiHexDecodeFilter()),
            ["CCITTFaxDecode"] = Plain(new CcittFaxDecodeFilter()), ["CCF"] = Plain(new CcittFaxDecodeFilter()),
            ["DCTDecode"] = Plain(new DctDecodeFilter()), ["DCT"] = Plain(new DctDecodeFilter()),
            ["JBIG2Decode"] = Plain(new Jbig2DecodeFilter()),
            ["JPXDecode"] = Plain(new JpxDecodeFilter()),
        };
    }

    /// <summary>
    /// What a zlib stream inflates to, counted without keeping it (as far as it goes when it is damaged), or a little
    /// more than <paramref name="limit"/>, where counting stops: a bomb is not inflated further than it takes to know.
    /// </summary>
    private static long InflatedLength(ReadOnlyMemory<byte> input, long limit)
    {
        // PdfPig skips the two-byte zlib header and inflates the rest, as this does.
        if (input.Length < 2)
        {
            return 0;
        }

        using var inflater = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
        var sink = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while (total <= limit && (read = inflater.Read(sink)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged past this point: PdfPig decodes what comes before, no more.
        }

        return total;
    }

    /// <summary>A RunLength stream's decoded size, from its length bytes alone (PDF 32000-1, 7.4.5).</summary>
    private static long RunLengthDecodedLength(ReadOnlyMemory<byte> input)
    {
        var bytes = input.Span;
        long total = 0;
        for (var i = 0; i < bytes.Length;)
        {
            var length = bytes[i];
            if (length == 128)
            {
                break;
            }

            (total, i) = length < 128 ? (total + length + 1, i + length + 2) : (total + 257 - length, i + 2);
        }

        return total;
    }

    /// <summary>Lets the filters, made before the provider, reach it.</summary>
    private sealed class Budget
    {
        public PdfFilterBudget Owner { get; set; } = null!;
    }

    /// <summary>A filter that pays for what it will decode before decoding (or, with no estimate, for what it did).</summary>
    private sealed class BudgetedFilter(IFilter inner, Budget budget, Func<ReadOnlyMemory<byte>, long, long>? estimate) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (estimate is not null)
            {
                budget.Owner.Spend(estimate(input, budget.Owner._remaining));
                return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Owner.Spend(output.Length);
            return output;
        }
    }
}

/// <summary>A PDF's streams would decompress to more than the check allows.</summary>
internal sealed class PdfBudgetExceededException() : Exception("The PDF's streams decompress to more than the check allows.");
