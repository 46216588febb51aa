using System.Text.Json.Serialization;
using Classroom.Contracts.Board;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.
// Coordinates are page units: 0 to BoardLimits.PageUnits (10,000) across the page's width and down its height, as a
// flat array x0, y0, x1, y1, ... (see docs/board.md).

/// <summary>A blank page, or a page of an uploaded slide deck, was added to the board.</summary>
[GenerateSerializer, Immutable, Alias("BoardPageAdded")]
public sealed record BoardPageAdded(
    [Id(0)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(1)] [property: JsonPropertyName("slide")] SlideRef? Slide,
    [Id(2)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Everyone now sees this page.</summary>
[GenerateSerializer, Immutable, Alias("BoardPageShown")]
public sealed record BoardPageShown(
    [Id(0)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Every stroke of a page was wiped (a slide page keeps its slide).</summary>
[GenerateSerializer, Immutable, Alias("BoardPageCleared")]
public sealed record BoardPageCleared(
    [Id(0)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>A freehand stroke (pen or highlighter) began: its first points; more follow while it is drawn.</summary>
[GenerateSerializer, Immutable, Alias("BoardStrokeStarted")]
public sealed record BoardStrokeStarted(
    [Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId,
    [Id(1)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(2)] [property: JsonPropertyName("tool")] BoardTool Tool,
    [Id(3)] [property: JsonPropertyName("color")] string Color,
    [Id(4)] [property: JsonPropertyName("width")] int Width,
    [Id(5)] [property: JsonPropertyName("points")] IReadOnlyList<int> Points,
    [Id(6)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>More points of a stroke being drawn, in order: the line grows on every screen.</summary>
[GenerateSerializer, Immutable, Alias("BoardStrokeExtended")]
public sealed record BoardStrokeExtended(
    [Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId,
    [Id(1)] [property: JsonPropertyName("points")] IReadOnlyList<int> Points) : ClassroomEventData;

/// <summary>The pen was lifted: the stroke is complete (its last points came with the extensions before).</summary>
[GenerateSerializer, Immutable, Alias("BoardStrokeEnded")]
public sealed record BoardStrokeEnded([Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId) : ClassroomEventData;

/// <summary>
/// A whole shape at once: a line, rectangle, ellipse or arrow (two corner points) or a text (its anchor point and
/// <see cref="Text"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardShapeDrawn")]
public sealed record BoardShapeDrawn(
    [Id(0)] [property: JsonPropertyName("strokeId")] string StrokeId,
    [Id(1)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(2)] [property: JsonPropertyName("tool")] BoardTool Tool,
    [Id(3)] [property: JsonPropertyName("color")] string Color,
    [Id(4)] [property: JsonPropertyName("width")] int Width,
    [Id(5)] [property: JsonPropertyName("points")] IReadOnlyList<int> Points,
    [Id(6)] [property: JsonPropertyName("text")] string? Text,
    [Id(7)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Strokes or shapes rubbed out of a page.</summary>
[GenerateSerializer, Immutable, Alias("BoardErased")]
public sealed record BoardErased(
    [Id(0)] [property: JsonPropertyName("pageId")] string PageId,
    [Id(1)] [property: JsonPropertyName("strokeIds")] IReadOnlyList<string> StrokeIds,
    [Id(2)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff handed a student the pen: the student may draw while the lesson is live.</summary>
[GenerateSerializer, Immutable, Alias("BoardPenGranted")]
public sealed record BoardPenGranted(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>A student's pen was taken back (by staff, or given back by the student).</summary>
[GenerateSerializer, Immutable, Alias("BoardPenRevoked")]
public sealed record BoardPenRevoked(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>An uploaded PDF became part of the lesson: one board page per slide, in order, <see cref="PageIds"/>.</summary>
[GenerateSerializer, Immutable, Alias("BoardSlidesAdded")]
public sealed record BoardSlidesAdded(
    [Id(0)] [property: JsonPropertyName("deck")] SlideDeckView Deck,
    [Id(1)] [property: JsonPropertyName("pageIds")] IReadOnlyList<string> PageIds,
    [Id(2)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;
