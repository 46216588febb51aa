using Classroom.Contracts.Board;
using Classroom.Gateway.Api;

namespace Classroom.Gateway.Hubs;

// The board's hub methods: one per board action, each as thin as the classroom's. Drawing passes the caller's
// connection, whose join decides what it may do; the laser pointer is sent, not invoked (nothing comes back).
internal sealed partial class ClassroomHub
{
    private IClassroomBoard Board(string classroomId) => client.GetBoard(classroomId);

    public Task<string> AddBoardPage(string classroomId) => Board(classroomId).AddPageAsync(User.UserId);

    public Task ShowBoardPage(string classroomId, string pageId) => Board(classroomId).ShowPageAsync(User.UserId, pageId);

    public Task ClearBoardPage(string classroomId, string pageId) => Board(classroomId).ClearPageAsync(User.UserId, pageId);

    public Task StartStroke(string classroomId, StrokeStart stroke) => Board(classroomId).StartStrokeAsync(User.UserId, Context.ConnectionId, stroke);

    public Task ExtendStroke(string classroomId, string strokeId, int[] points) =>
        Board(classroomId).ExtendStrokeAsync(User.UserId, Context.ConnectionId, strokeId, points ?? []);

    public Task EndStroke(string classroomId, string strokeId, int[] points) =>
        Board(classroomId).EndStrokeAsync(User.UserId, Context.ConnectionId, strokeId, points ?? []);

    public Task DrawShape(string classroomId, ShapeDraft shape) => Board(classroomId).DrawShapeAsync(User.UserId, Context.ConnectionId, shape);

    public Task EraseStrokes(string classroomId, string pageId, string[] strokeIds) =>
        Board(classroomId).EraseAsync(User.UserId, Context.ConnectionId, pageId, strokeIds ?? []);

    public Task GrantPen(string classroomId, string studentId) => Board(classroomId).GrantPenAsync(User.UserId, studentId);

    public Task RevokePen(string classroomId, string studentId) => Board(classroomId).RevokePenAsync(User.UserId, studentId);

    public Task MovePointer(string classroomId, string? pageId, int x, int y) =>
        Board(classroomId).MovePointerAsync(User.UserId, Context.ConnectionId, pageId, x, y);
}
