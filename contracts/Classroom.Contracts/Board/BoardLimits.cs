namespace Classroom.Contracts.Board;

/// <summary>
/// The board's limits, the same for every classroom: a client that keeps within them is never refused for size. They
/// bound what one lesson's board can hold, since its snapshot travels to every late joiner and is stored with every
/// snapshot and replay checkpoint: <see cref="MaxPointsPerBoard"/> points in all (about 2 MB of JSON at most).
/// </summary>
public static class BoardLimits
{
    /// <summary>A page is this many units wide and this many high, whatever its aspect: coordinates are 0 to this.</summary>
    public const int PageUnits = 10_000;

    /// <summary>The most points one call may carry (a stroke's start, an extension, a shape).</summary>
    public const int MaxPointsPerCall = 256;

    /// <summary>The most points of one stroke.</summary>
    public const int MaxPointsPerStroke = 5_000;

    /// <summary>The most strokes, shapes and texts on one page: clear or add a page beyond it.</summary>
    public const int MaxStrokesPerPage = 2_000;

    /// <summary>The most points on the whole board, every page and drawer together: clear a page to go on.</summary>
    public const int MaxPointsPerBoard = 200_000;

    /// <summary>The most points one student with the pen may have on the board (staff draw up to the board's limit).</summary>
    public const int MaxPointsPerStudent = 20_000;

    /// <summary>The most pages of a board, slide pages included.</summary>
    public const int MaxPages = 300;

    /// <summary>The longest text on the board, in characters.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The thinnest and widest line, in page units.</summary>
    public const int MinWidth = 5, MaxWidth = 1_000;

    /// <summary>The most strokes one erase may remove.</summary>
    public const int MaxErasedPerCall = 500;

    /// <summary>True for a client-chosen stroke id: 1 to 32 of A-Z, a-z, 0-9, '-' and '_'.</summary>
    public static bool IsStrokeId(string? id) =>
        id is { Length: > 0 and <= 32 } && id.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>True for a colour as <c>#rrggbb</c>.</summary>
    public static bool IsColor(string? color) =>
        color is { Length: 7 } && color[0] == '#' && color.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF") is false;
}
