using System.Text.Json.Serialization;
using Classroom.Contracts.Board;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// The board's part of <see cref="ClassroomState"/>: pages in order, each with its strokes in drawing order, the page
/// everyone sees, who holds the pen and the slide decks. Changed only by <see cref="Apply"/>, which, like the rest of
/// the state's fold, never throws: the grain validated every event before raising it. A board that never saw a board
/// event (every lesson stored before the board existed) has one blank page, <c>p1</c>.
/// </summary>
public sealed class BoardState
{
    /// <summary>The first page of every board.</summary>
    public const string FirstPageId = "p1";

    // Where each stroke is, by id, and how many points each drawer has on the board: rebuilt on first use after the state
    // is read from storage, then kept by Apply.
    private Dictionary<string, (BoardPageState Page, BoardStrokeState Stroke)>? _strokes;
    private Dictionary<string, int>? _pointsBy;

    [JsonPropertyName("currentPageId")]
    public string CurrentPageId { get; set; } = FirstPageId;

    [JsonPropertyName("pages")]
    public List<BoardPageState> Pages { get; set; } = [new() { PageId = FirstPageId }];

    [JsonPropertyName("penHolders")]
    public List<string> PenHolders { get; set; } = [];

    [JsonPropertyName("decks")]
    public List<SlideDeckView> Decks { get; set; } = [];

    /// <summary>The id the next page added will get: pages are never removed, so the count names it.</summary>
    public string NextPageId(int offset = 0) => "p" + (Pages.Count + 1 + offset);

    public BoardPageState? FindPage(string? pageId) => Pages.Find(p => p.PageId == pageId);

    public (BoardPageState Page, BoardStrokeState Stroke)? FindStroke(string strokeId) =>
        Strokes.TryGetValue(strokeId, out var found) ? found : null;

    /// <summary>The points on the board, every page and drawer together.</summary>
    public int TotalPoints => PointsByDrawer.Values.Sum();

    /// <summary>The points <paramref name="userId"/> has on the board.</summary>
    public int PointsOf(string userId) => PointsByDrawer.GetValueOrDefault(userId);

    private Dictionary<string, int> PointsByDrawer => _pointsBy ??= Pages.SelectMany(p => p.Strokes)
        .GroupBy(s => s.By, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Points.Count / 2), StringComparer.Ordinal);

    /// <summary>Counts a change of a stroke's points; call it before the change (the first call may build the counts from the pages).</summary>
    private void Count(BoardStrokeState stroke, int values) =>
        PointsByDrawer[stroke.By] = PointsByDrawer.GetValueOrDefault(stroke.By) + values / 2;

    private Dictionary<string, (BoardPageState Page, BoardStrokeState Stroke)> Strokes =>
        _strokes ??= Pages.SelectMany(page => page.Strokes.Select(stroke => (page, stroke))).ToDictionary(p => p.stroke.StrokeId, StringComparer.Ordinal);

    /// <summary>Folds a board event in; any other event leaves the board as it is.</summary>
    public void Apply(ClassroomEventData data)
    {
        switch (data)
        {
            case BoardPageAdded added when FindPage(added.PageId) is null:
                Pages.Add(new BoardPageState { PageId = added.PageId, Slide = added.Slide });
                break;
            case BoardPageShown shown when FindPage(shown.PageId) is not null:
                CurrentPageId = shown.PageId;
                break;
            case BoardPageCleared cleared when FindPage(cleared.PageId) is { } page:
                foreach (var stroke in page.Strokes)
                {
                    Strokes.Remove(stroke.StrokeId);
                    Count(stroke, -stroke.Points.Count);
                }

                page.Strokes.Clear();
                break;
            case BoardStrokeStarted started when FindPage(started.PageId) is { } page && !Strokes.ContainsKey(started.StrokeId):
                Add(page, new BoardStrokeState
                {
                    StrokeId = started.StrokeId, Tool = started.Tool, Color = started.Color, Width = started.Width,
                    Points = [.. started.Points], By = started.By,
                });
                break;
            case BoardStrokeExtended extended when FindStroke(extended.StrokeId) is { } found:
                Count(found.Stroke, extended.Points.Count);
                found.Stroke.Points.AddRange(extended.Points);
                break;
            case BoardStrokeEnded ended when FindStroke(ended.StrokeId) is { } found:
                found.Stroke.Done = true;
                break;
            case BoardShapeDrawn shape when FindPage(shape.PageId) is { } page && !Strokes.ContainsKey(shape.StrokeId):
                Add(page, new BoardStrokeState
                {
                    StrokeId = shape.StrokeId, Tool = shape.Tool, Color = shape.Color, Width = shape.Width, Points = [.. shape.Points],
                    Text = shape.Text, By = shape.By, Done = true,
                });
                break;
            case BoardErased erased when FindPage(erased.PageId) is { } page:
                var gone = erased.StrokeIds.ToHashSet(StringComparer.Ordinal);
                foreach (var stroke in page.Strokes.Where(s => gone.Contains(s.StrokeId)))
                {
                    Count(stroke, -stroke.Points.Count);
                }

                page.Strokes.RemoveAll(s => gone.Contains(s.StrokeId));
                foreach (var id in gone)
                {
                    Strokes.Remove(id);
                }

                break;
            case BoardPenGranted granted when !PenHolders.Contains(granted.StudentId):
                PenHolders.Add(granted.StudentId);
                break;
            case BoardPenRevoked revoked:
                PenHolders.Remove(revoked.StudentId);
                break;
            case BoardSlidesAdded slides when Decks.TrueForAll(d => d.DeckId != slides.Deck.DeckId):
                Decks.Add(slides.Deck);
                for (var i = 0; i < slides.PageIds.Count; i++)
                {
                    Pages.Add(new BoardPageState { PageId = slides.PageIds[i], Slide = new SlideRef(slides.Deck.DeckId, i + 1) });
                }

                break;
        }
    }

    private void Add(BoardPageState page, BoardStrokeState stroke)
    {
        Count(stroke, stroke.Points.Count);
        page.Strokes.Add(stroke);
        Strokes[stroke.StrokeId] = (page, stroke);
    }

    /// <summary>The board as everyone sees it (nothing of the board is for staff only).</summary>
    public BoardView View() => new(
        CurrentPageId,
        [.. Pages.Select(p => new BoardPageView(p.PageId, p.Slide, [.. p.Strokes.Select(s => s.View())]))],
        [.. PenHolders],
        [.. Decks]);
}

/// <summary>One page of the board.</summary>
public sealed class BoardPageState
{
    [JsonPropertyName("pageId")]
    public string PageId { get; set; } = "";

    [JsonPropertyName("slide")]
    public SlideRef? Slide { get; set; }

    [JsonPropertyName("strokes")]
    public List<BoardStrokeState> Strokes { get; set; } = [];
}

/// <summary>One stroke, shape or text of a page.</summary>
public sealed class BoardStrokeState
{
    [JsonPropertyName("strokeId")]
    public string StrokeId { get; set; } = "";

    [JsonPropertyName("tool")]
    public BoardTool Tool { get; set; }

    [JsonPropertyName("color")]
    public string Color { get; set; } = "";

    [JsonPropertyName("width")]
    public int Width { get; set; }

    [JsonPropertyName("points")]
    public List<int> Points { get; set; } = [];

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("by")]
    public string By { get; set; } = "";

    [JsonPropertyName("done")]
    public bool Done { get; set; }

    public BoardStrokeView View() => new(StrokeId, Tool, Color, Width, [.. Points], Text, By, Done);
}
