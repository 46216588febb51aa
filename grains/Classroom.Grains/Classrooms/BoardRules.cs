using Classroom.Contracts.Board;
using Classroom.Contracts.Errors;

namespace Classroom.Grains.Classrooms;

/// <summary>Validation of what drawers send the board (<see cref="BoardLimits"/>): each rule refuses with a message a person can act on.</summary>
internal static class BoardRules
{
    /// <summary>Refuses a stroke id a client may not choose.</summary>
    public static void CheckStrokeId(string? strokeId)
    {
        if (!BoardLimits.IsStrokeId(strokeId))
        {
            throw Invalid(Refusals.BoardStrokeId);
        }
    }

    /// <summary>Refuses points that are not x, y pairs on the page, or more than one call may carry; <paramref name="min"/> points at least.</summary>
    public static void CheckPoints(IReadOnlyList<int>? points, int min)
    {
        if (points is null || points.Count % 2 != 0 || points.Count < 2 * min || points.Count > 2 * BoardLimits.MaxPointsPerCall
            || points.Any(static v => v is < 0 or > BoardLimits.PageUnits))
        {
            throw Invalid(Refusals.BoardPoints, BoardLimits.PageUnits, BoardLimits.MaxPointsPerCall);
        }
    }

    /// <summary>Refuses a colour or width out of range.</summary>
    public static void CheckStyle(string? color, int width)
    {
        if (!BoardLimits.IsColor(color))
        {
            throw Invalid(Refusals.BoardColor);
        }

        if (width is < BoardLimits.MinWidth or > BoardLimits.MaxWidth)
        {
            throw Invalid(Refusals.BoardWidth, BoardLimits.MinWidth, BoardLimits.MaxWidth);
        }
    }

    public static bool IsFreehand(BoardTool tool) => tool is BoardTool.Pen or BoardTool.Highlighter;

    /// <summary>The shape's points checked and its text cleaned (null unless a text).</summary>
    public static string? CheckShape(ShapeDraft shape)
    {
        if (!Enum.IsDefined(shape.Tool) || IsFreehand(shape.Tool))
        {
            throw Invalid(Refusals.BoardToolMismatch);
        }

        CheckStyle(shape.Color, shape.Width);
        CheckPoints(shape.Points, 1);
        var isText = shape.Tool == BoardTool.Text;
        if (shape.Points.Count != (isText ? 2 : 4))
        {
            throw Invalid(Refusals.BoardShapePoints);
        }

        if (!isText)
        {
            return null;
        }

        var text = ClassroomRules.Clean(shape.Text, keepLineBreaks: false);
        return text.Length is >= 1 and <= BoardLimits.MaxTextLength ? text : throw Invalid(Refusals.BoardTextLength, BoardLimits.MaxTextLength);
    }

    /// <summary>The deck as the board will keep it (its name cleaned), or a refusal.</summary>
    public static SlideDeckView CheckDeck(SlideDeckView? deck)
    {
        var name = ClassroomRules.Clean(deck?.Name, keepLineBreaks: false);
        if (deck is null || !BoardLimits.IsStrokeId(deck.DeckId) || name.Length is < 1 or > 100 || deck.PageCount is < 1 or > BoardLimits.MaxPages)
        {
            throw Invalid(Refusals.BoardDeckInvalid, BoardLimits.MaxPages);
        }

        return deck with { Name = name };
    }

    private static ClassroomValidationException Invalid(string code, params object?[] arguments) => new(code, arguments);
}
