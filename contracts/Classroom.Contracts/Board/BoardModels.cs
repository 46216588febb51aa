using System.Text.Json.Serialization;

namespace Classroom.Contracts.Board;

/// <summary>What a stroke is drawn with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoardTool>))]
public enum BoardTool
{
    /// <summary>Freehand ink.</summary>
    [JsonStringEnumMemberName("pen")] Pen,

    /// <summary>Freehand, wide and translucent, drawn under the ink.</summary>
    [JsonStringEnumMemberName("highlighter")] Highlighter,

    /// <summary>A straight line between two points.</summary>
    [JsonStringEnumMemberName("line")] Line,

    /// <summary>A rectangle between two corners.</summary>
    [JsonStringEnumMemberName("rectangle")] Rectangle,

    /// <summary>An ellipse inside the rectangle of two corners.</summary>
    [JsonStringEnumMemberName("ellipse")] Ellipse,

    /// <summary>A line from the first point with an arrow head at the second.</summary>
    [JsonStringEnumMemberName("arrow")] Arrow,

    /// <summary>A line of text whose top-left corner is the one point.</summary>
    [JsonStringEnumMemberName("text")] Text,
}

/// <summary>A page of an uploaded slide deck (<see cref="Page"/> counts from 1).</summary>
[GenerateSerializer, Immutable, Alias("SlideRef")]
public sealed record SlideRef(
    [Id(0)] [property: JsonPropertyName("deckId")] string DeckId,
    [Id(1)] [property: JsonPropertyName("page")] int Page);

/// <summary>An uploaded PDF as the lesson knows it: its id (served at <c>/api/slides/{deckId}</c>), file name and page count.</summary>
[GenerateSerializer, Immutable, Alias("SlideDeckView")]
public sealed record SlideDeckView(
    [Id(0)] [property: JsonPropertyName("deckId")] string DeckId,
    [Id(1)] [property: JsonPropertyName("name")] string Name,
    [Id(2)] [property: JsonPropertyName("pageCount")] int PageCount);

/// <summary>A freehand stroke to begin: the client picks its id (see <see cref="BoardLimits.IsStrokeId"/>) so it can send the next points at once.</summary>
[GenerateSerializer, Immutable, Alias("StrokeStart")]
public sealed record StrokeStart(
    [Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId,
    [Id(1)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(2)] [property: JsonPropertyName("tool")] BoardTool Tool,
    [Id(3)] [property: JsonPropertyName("color")] string Color,
    [Id(4)] [property: JsonPropertyName("width")] int Width,
    [Id(5)] [property: JsonPropertyName("points")] IReadOnlyList<int> Points);

/// <summary>A whole shape or text to draw (see <see cref="Events.BoardShapeDrawn"/>).</summary>
[GenerateSerializer, Immutable, Alias("ShapeDraft")]
public sealed record ShapeDraft(
    [Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId,
    [Id(1)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(2)] [property: JsonPropertyName("tool")] BoardTool Tool,
    [Id(3)] [property: JsonPropertyName("color")] string Color,
    [Id(4)] [property: JsonPropertyName("width")] int Width,
    [Id(5)] [property: JsonPropertyName("points")] IReadOnlyList<int> Points,
    [Id(6)] [property: JsonPropertyName("text")] string? Text);

/// <summary>The board as a late joiner (or a replay at some moment) sees it.</summary>
/// <param name="CurrentPageId">The page everyone is shown.</param>
/// <param name="PenHolders">Students who may draw, besides staff.</param>
[GenerateSerializer, Immutable, Alias("BoardView")]
public sealed record BoardView(
    [Id(0)] [property: JsonPropertyName("currentPageId")] string CurrentPageId,
    [Id(1)] [property: JsonPropertyName("pages")] IReadOnlyList<BoardPageView> Pages,
    [Id(2)] [property: JsonPropertyName("penHolders")] IReadOnlyList<string> PenHolders,
    [Id(3)] [property: JsonPropertyName("decks")] IReadOnlyList<SlideDeckView> Decks);

/// <summary>One page: its slide, if any, and its strokes in drawing order.</summary>
[GenerateSerializer, Immutable, Alias("BoardPageView")]
public sealed record BoardPageView(
    [Id(0)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(1)] [property: JsonPropertyName("slide")] SlideRef? Slide,
    [Id(2)] [property: JsonPropertyName("strokes")] IReadOnlyList<BoardStrokeView> Strokes);

/// <summary>One stroke, shape or text on a page. <see cref="Done"/> is false while a freehand stroke is still being drawn.</summary>
[GenerateSerializer, Immutable, Alias("BoardStrokeView")]
public sealed record BoardStrokeView(
    [Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId,
    [Id(1)] [property: JsonPropertyName("tool")] BoardTool Tool,
    [Id(2)] [property: JsonPropertyName("color")] string Color,
    [Id(3)] [property: JsonPropertyName("width")] int Width,
    [Id(4)] [property: JsonPropertyName("points")] IReadOnlyList<int> Points,
    [Id(5)] [property: JsonPropertyName("text")] string? Text,
    [Id(6)] [property: JsonPropertyName("by")] string By,
    [Id(7)] [property: JsonPropertyName("done")] bool Done);

/// <summary>
/// Where a drawer's laser pointer is (<see cref="PageId"/> null: hidden). Never stored: the classroom sends the latest
/// to its subscribers at most every <c>PointerInterval</c>, and the gateways pass it on as <c>pointer</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardPointer")]
public sealed record BoardPointer(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("pageId")] string? PageId,
    [Id(2)] [property: JsonPropertyName("x")] int X,
    [Id(3)] [property: JsonPropertyName("y")] int Y);
