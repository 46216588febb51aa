namespace Classroom.Contracts.Board;

/// <summary>
/// The board of a lesson (key: the classroom id; the classroom grain itself serves it): pages, strokes, shapes, slides
/// and the pen. Every change is an event in the classroom's log, committed before the call returns, like every other
/// classroom action; the snapshot's <c>board</c> is the fold of them. Who may draw: the teacher and assistants, and
/// students staff handed the pen (from a connection that joined as a student, while the lesson is live). Drawing calls
/// take the caller's connection: a role belongs to a connection's join. Refusals throw a
/// <see cref="Errors.ClassroomException"/> subtype, as the classroom's do.
/// </summary>
[Alias("IClassroomBoard")]
public interface IClassroomBoard : IGrainWithStringKey
{
    /// <summary>Adds a blank page after the last and shows it (staff); returns its id.</summary>
    [Alias("AddPageAsync")]
    Task<string> AddPageAsync(string actorId);

    /// <summary>Shows everyone a page (staff).</summary>
    [Alias("ShowPageAsync")]
    Task ShowPageAsync(string actorId, string pageId);

    /// <summary>Wipes every stroke of a page (staff).</summary>
    [Alias("ClearPageAsync")]
    Task ClearPageAsync(string actorId, string pageId);

    /// <summary>Begins a freehand stroke (pen or highlighter). Starting the same stroke again is a no-op, so a retried call is harmless.</summary>
    [Alias("StartStrokeAsync")]
    Task StartStrokeAsync(string userId, string connectionId, StrokeStart stroke);

    /// <summary>Adds points to the caller's own unfinished stroke.</summary>
    [Alias("ExtendStrokeAsync")]
    Task ExtendStrokeAsync(string userId, string connectionId, string strokeId, IReadOnlyList<int> points);

    /// <summary>Completes the caller's stroke, with its last <paramref name="points"/> (may be empty). Ending it again is a no-op.</summary>
    [Alias("EndStrokeAsync")]
    Task EndStrokeAsync(string userId, string connectionId, string strokeId, IReadOnlyList<int> points);

    /// <summary>Draws a whole line, rectangle, ellipse, arrow or text.</summary>
    [Alias("DrawShapeAsync")]
    Task DrawShapeAsync(string userId, string connectionId, ShapeDraft shape);

    /// <summary>Rubs strokes out of a page: staff any, a pen holder their own. Ids no longer on the page are skipped.</summary>
    [Alias("EraseAsync")]
    Task EraseAsync(string userId, string connectionId, string pageId, IReadOnlyList<string> strokeIds);

    /// <summary>Hands a present student the pen (staff); idempotent.</summary>
    [Alias("GrantPenAsync")]
    Task GrantPenAsync(string actorId, string studentId);

    /// <summary>Takes a student's pen back: staff, or the student giving it back; idempotent.</summary>
    [Alias("RevokePenAsync")]
    Task RevokePenAsync(string actorId, string studentId);

    /// <summary>
    /// Moves the caller's laser pointer (<paramref name="pageId"/> null hides it). Never stored; coalesced and sent to the
    /// classroom's subscribers on a short cadence. A pointer from someone who may not draw is dropped without a refusal:
    /// hosts pass pointers on without waiting for an answer.
    /// </summary>
    [Alias("MovePointerAsync")]
    Task MovePointerAsync(string userId, string connectionId, string? pageId, int x, int y);

    /// <summary>
    /// Adds an uploaded deck's pages after the last page and shows its first (staff; the host stored the PDF and counted
    /// its pages). Returns the new pages' ids. Adding the same deck again is refused.
    /// </summary>
    [Alias("AddSlidesAsync")]
    Task<IReadOnlyList<string>> AddSlidesAsync(string actorId, SlideDeckView deck);
}
