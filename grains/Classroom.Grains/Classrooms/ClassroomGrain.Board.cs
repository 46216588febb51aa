using Classroom.Contracts.Board;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// The board (<see cref="IClassroomBoard"/>): every action validates against <see cref="BoardState"/> and raises its
/// events before its first await, as the classroom's other actions do, so strokes from many drawers interleave only
/// between whole events. The laser pointer is in ClassroomGrain.Pointer.cs.
/// </summary>
public sealed partial class ClassroomGrain : IClassroomBoard
{
    private BoardState Board => _state.Board;

    public async Task<string> AddPageAsync(string actorId)
    {
        RequireBoardStaff(actorId, Phrase.ManageBoard);
        RequireRoomFor(1);
        var pageId = Board.NextPageId();
        Raise(new BoardPageAdded(pageId, null, actorId));
        Raise(new BoardPageShown(pageId, actorId));
        await CommitAsync();
        return pageId;
    }

    public async Task ShowPageAsync(string actorId, string pageId)
    {
        RequireBoardStaff(actorId, Phrase.ManageBoard);
        RequirePage(pageId);
        if (Board.CurrentPageId != pageId)
        {
            Raise(new BoardPageShown(pageId, actorId));
        }

        await CommitAsync();
    }

    public async Task ClearPageAsync(string actorId, string pageId)
    {
        RequireBoardStaff(actorId, Phrase.ManageBoard);
        if (RequirePage(pageId).Strokes.Count > 0)
        {
            Raise(new BoardPageCleared(pageId, actorId));
        }

        await CommitAsync();
    }

    public async Task StartStrokeAsync(string userId, string connectionId, StrokeStart stroke)
    {
        RequireDrawer(userId, connectionId);
        ArgumentNullException.ThrowIfNull(stroke);
        BoardRules.CheckStrokeId(stroke.StrokeId);
        if (Board.FindStroke(stroke.StrokeId) is { } existing)
        {
            // A retried start of one's own stroke changes nothing; anyone else's id is taken.
            if (existing.Stroke.By != userId || existing.Page.PageId != stroke.PageId)
            {
                throw new ClassroomValidationException(Refusals.BoardStrokeTaken, stroke.StrokeId);
            }

            await CommitAsync();
            return;
        }

        if (!Enum.IsDefined(stroke.Tool) || !BoardRules.IsFreehand(stroke.Tool))
        {
            throw new ClassroomValidationException(Refusals.BoardToolMismatch);
        }

        BoardRules.CheckStyle(stroke.Color, stroke.Width);
        BoardRules.CheckPoints(stroke.Points, 1);
        RequireRoomOn(RequirePage(stroke.PageId));
        RequireBoardRoom(userId, stroke.Points.Count);
        Raise(new BoardStrokeStarted(stroke.StrokeId, stroke.PageId, stroke.Tool, stroke.Color.ToLowerInvariant(), stroke.Width, [.. stroke.Points], userId));
        await CommitAsync();
    }

    public async Task ExtendStrokeAsync(string userId, string connectionId, string strokeId, IReadOnlyList<int> points)
    {
        RequireDrawer(userId, connectionId);
        BoardRules.CheckPoints(points, 1);
        var stroke = RequireOwnUnfinished(userId, strokeId);
        RequireStrokeRoom(stroke, points.Count);
        RequireBoardRoom(userId, points.Count);
        Raise(new BoardStrokeExtended(strokeId, [.. points]));
        await CommitAsync();
    }

    public async Task EndStrokeAsync(string userId, string connectionId, string strokeId, IReadOnlyList<int> points)
    {
        RequireDrawer(userId, connectionId);
        BoardRules.CheckPoints(points ?? [], 0);
        if (Board.FindStroke(strokeId ?? "") is { Stroke: { Done: true } done } && done.By == userId)
        {
            await CommitAsync();
            return;
        }

        var stroke = RequireOwnUnfinished(userId, strokeId);
        if (points is { Count: > 0 })
        {
            RequireStrokeRoom(stroke, points.Count);
            RequireBoardRoom(userId, points.Count);
            Raise(new BoardStrokeExtended(stroke.StrokeId, [.. points]));
        }

        Raise(new BoardStrokeEnded(stroke.StrokeId));
        await CommitAsync();
    }

    public async Task DrawShapeAsync(string userId, string connectionId, ShapeDraft shape)
    {
        RequireDrawer(userId, connectionId);
        ArgumentNullException.ThrowIfNull(shape);
        BoardRules.CheckStrokeId(shape.StrokeId);
        if (Board.FindStroke(shape.StrokeId) is { } existing)
        {
            if (existing.Stroke.By != userId || existing.Page.PageId != shape.PageId)
            {
                throw new ClassroomValidationException(Refusals.BoardStrokeTaken, shape.StrokeId);
            }

            await CommitAsync();
            return;
        }

        var text = BoardRules.CheckShape(shape);
        RequireRoomOn(RequirePage(shape.PageId));
        RequireBoardRoom(userId, shape.Points.Count);
        Raise(new BoardShapeDrawn(shape.StrokeId, shape.PageId, shape.Tool, shape.Color.ToLowerInvariant(), shape.Width, [.. shape.Points], text, userId));
        await CommitAsync();
    }

    public async Task EraseAsync(string userId, string connectionId, string pageId, IReadOnlyList<string> strokeIds)
    {
        RequireDrawer(userId, connectionId);
        var page = RequirePage(pageId);
        if (strokeIds is null || strokeIds.Count > BoardLimits.MaxErasedPerCall)
        {
            throw new ClassroomValidationException(Refusals.BoardEraseTooMany, BoardLimits.MaxErasedPerCall);
        }

        var wanted = strokeIds.ToHashSet(StringComparer.Ordinal);
        var erased = page.Strokes.Where(s => wanted.Contains(s.StrokeId)).ToList();
        if (!_state.IsStaff(userId) && erased.Any(s => s.By != userId))
        {
            throw new ClassroomPermissionException(Refusals.BoardEraseOwnOnly);
        }

        if (erased.Count > 0)
        {
            Raise(new BoardErased(pageId, [.. erased.Select(s => s.StrokeId)], userId));
        }

        await CommitAsync();
    }

    public async Task GrantPenAsync(string actorId, string studentId)
    {
        RequireStaff(actorId, Phrase.HandPen);
        RequireLive(Phrase.HoldPen);
        RequirePresentStudent(studentId ?? "", Phrase.HoldPen);
        if (!Board.PenHolders.Contains(studentId!))
        {
            Raise(new BoardPenGranted(studentId!, actorId));
        }

        await CommitAsync();
    }

    public async Task RevokePenAsync(string actorId, string studentId)
    {
        RequireExists();
        RequireNotEnded(Phrase.HandPen);
        if (actorId != studentId && !_state.IsStaff(actorId))
        {
            throw new ClassroomPermissionException(Refusals.LessonStaffOnly, Phrase.HandPen);
        }

        if (Board.PenHolders.Contains(studentId))
        {
            Raise(new BoardPenRevoked(studentId, actorId));
        }

        await CommitAsync();
    }

    public async Task<IReadOnlyList<string>> AddSlidesAsync(string actorId, SlideDeckView deck)
    {
        RequireBoardStaff(actorId, Phrase.ManageBoard);
        var clean = BoardRules.CheckDeck(deck);
        if (Board.Decks.Exists(d => d.DeckId == clean.DeckId))
        {
            throw new ClassroomStateException(Refusals.BoardDeckAlreadyAdded);
        }

        RequireRoomFor(clean.PageCount);
        var pageIds = Enumerable.Range(0, clean.PageCount).Select(i => Board.NextPageId(i)).ToList();
        Raise(new BoardSlidesAdded(clean, pageIds, actorId));
        Raise(new BoardPageShown(pageIds[0], actorId));
        await CommitAsync();
        return pageIds;
    }

    /// <summary>Staff may prepare the board before the lesson and use it during; after it, nobody changes it.</summary>
    private void RequireBoardStaff(string actorId, Phrase action)
    {
        RequireStaff(actorId, action);
        RequireNotEnded(action);
    }

    private void RequireNotEnded(Phrase action)
    {
        if (_state.Status == ClassroomStatus.Ended)
        {
            throw new ClassroomStateException(Refusals.LessonEndedForAction, action);
        }
    }

    /// <summary>
    /// Refuses unless the caller may draw from this connection: staff (teacher, assistants) from a connection that did
    /// not join as a viewer, before or during the lesson; a student holding the pen from a connection that joined as a
    /// student, during the lesson.
    /// </summary>
    private void RequireDrawer(string userId, string connectionId)
    {
        RequireExists();
        RequireNotEnded(Phrase.Draw);
        if (!MayDraw(userId, connectionId))
        {
            RequireConnection(userId, connectionId, Phrase.Draw);
            throw new ClassroomPermissionException(Refusals.BoardPenRequired);
        }
    }

    private bool MayDraw(string? userId, string? connectionId)
    {
        if (_state.FindPresent(userId ?? "")?.RoleOf(connectionId ?? "") is not { } role || _state.Status == ClassroomStatus.Ended)
        {
            return false;
        }

        return _state.IsStaff(userId!)
            ? role != ParticipantRole.Viewer
            : role == ParticipantRole.Student && _state.Status == ClassroomStatus.Live && Board.PenHolders.Contains(userId!);
    }

    private BoardPageState RequirePage(string? pageId) =>
        Board.FindPage(pageId) ?? throw new ClassroomNotFoundException(Refusals.BoardPageNotFound, pageId ?? "");

    private void RequireRoomFor(int pages)
    {
        if (Board.Pages.Count + pages > BoardLimits.MaxPages)
        {
            throw new ClassroomStateException(Refusals.BoardTooManyPages, BoardLimits.MaxPages);
        }
    }

    private static void RequireRoomOn(BoardPageState page)
    {
        if (page.Strokes.Count >= BoardLimits.MaxStrokesPerPage)
        {
            throw new ClassroomStateException(Refusals.BoardPageFull, BoardLimits.MaxStrokesPerPage);
        }
    }

    private BoardStrokeState RequireOwnUnfinished(string userId, string? strokeId) =>
        Board.FindStroke(strokeId ?? "") is { Stroke: { Done: false } stroke } && stroke.By == userId
            ? stroke
            : throw new ClassroomNotFoundException(Refusals.BoardStrokeNotFound, strokeId ?? "");

    /// <summary>
    /// Refuses <paramref name="values"/> more coordinates when the board, or a student's share of it, would pass its
    /// limit: what one pen holder draws is bounded, and so is the snapshot every late joiner is sent.
    /// </summary>
    private void RequireBoardRoom(string userId, int values)
    {
        if (Board.TotalPoints + (values / 2) > BoardLimits.MaxPointsPerBoard)
        {
            throw new ClassroomStateException(Refusals.BoardFull, BoardLimits.MaxPointsPerBoard);
        }

        if (!_state.IsStaff(userId) && Board.PointsOf(userId) + (values / 2) > BoardLimits.MaxPointsPerStudent)
        {
            throw new ClassroomStateException(Refusals.BoardPenBudget, BoardLimits.MaxPointsPerStudent);
        }
    }

    private static void RequireStrokeRoom(BoardStrokeState stroke, int values)
    {
        if ((stroke.Points.Count + values) / 2 > BoardLimits.MaxPointsPerStroke)
        {
            throw new ClassroomValidationException(Refusals.BoardStrokeTooLong, BoardLimits.MaxPointsPerStroke);
        }
    }
}
