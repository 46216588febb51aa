using Classroom.Contracts.Board;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class BoardTests(ClassroomFixture fixture)
{
    private const string Teacher = Lessons.Teacher;
    private const string TeacherConnection = Teacher + "-c1";

    private Lessons Lessons => fixture.Lessons;

    private IClassroomBoard Board(IClassroomGrain classroom) => Lessons.Client.GetGrain<IClassroomBoard>(classroom.GetPrimaryKeyString());

    private static StrokeStart Pen(string strokeId, params int[] points) => new(strokeId, BoardState.FirstPageId, BoardTool.Pen, "#1F2937", 30, points);

    private static ShapeDraft Shape(string strokeId, BoardTool tool, int[] points, string? text = null, string pageId = BoardState.FirstPageId) =>
        new(strokeId, pageId, tool, "#dc2626", 20, points, text);

    [Fact]
    public async Task A_stroke_grows_point_by_point_and_late_joiners_see_it_whole()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-stroke"), "s1");
        var board = Board(classroom);

        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("a1", 100, 100, 120, 110));
        var growing = (await classroom.GetSnapshotAsync("s1")).Board.Pages.Single().Strokes.Single();
        await board.ExtendStrokeAsync(Teacher, TeacherConnection, "a1", [140, 130, 160, 150]);
        await board.EndStrokeAsync(Teacher, TeacherConnection, "a1", [180, 170]);
        var snapshot = await classroom.GetSnapshotAsync("s1");

        Assert.False(growing.Done);
        Assert.Equal([100, 100, 120, 110], growing.Points);
        var stroke = snapshot.Board.Pages.Single().Strokes.Single();
        Assert.Equal(("a1", BoardTool.Pen, "#1f2937", 30, Teacher, true), (stroke.StrokeId, stroke.Tool, stroke.Color, stroke.Width, stroke.By, stroke.Done));
        Assert.Equal([100, 100, 120, 110, 140, 130, 160, 150, 180, 170], stroke.Points);
        Assert.Equal(
            ["board.stroke-started", "board.stroke-extended", "board.stroke-extended", "board.stroke-ended"],
            (await Lessons.EventsAsync(classroom)).Where(e => e.Type.StartsWith("board.", StringComparison.Ordinal)).Select(e => e.Type));
    }

    [Fact]
    public async Task Pages_are_added_shown_and_cleared_and_a_board_starts_with_one_blank_page()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-pages"), "s1");
        var board = Board(classroom);
        var fresh = (await classroom.GetSnapshotAsync("s1")).Board;

        await board.DrawShapeAsync(Teacher, TeacherConnection, Shape("r1", BoardTool.Rectangle, [10, 10, 500, 400]));
        var second = await board.AddPageAsync(Teacher);
        await board.DrawShapeAsync(Teacher, TeacherConnection, Shape("t1", BoardTool.Text, [50, 50], "  x = 4\t", second));
        await board.ShowPageAsync(Teacher, BoardState.FirstPageId);
        await board.ClearPageAsync(Teacher, BoardState.FirstPageId);
        var snapshot = (await classroom.GetSnapshotAsync("s1")).Board;

        Assert.Equal((BoardState.FirstPageId, 1, 0), (fresh.CurrentPageId, fresh.Pages.Count, fresh.Pages[0].Strokes.Count));
        Assert.Equal("p2", second);
        Assert.Equal(BoardState.FirstPageId, snapshot.CurrentPageId);
        Assert.Empty(snapshot.Pages[0].Strokes);
        Assert.Equal("x = 4", snapshot.Pages[1].Strokes.Single().Text);
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => board.ShowPageAsync(Teacher, "p9"));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.AddPageAsync("s1"));
    }

    [Fact]
    public async Task Only_staff_and_students_handed_the_pen_draw_and_a_pen_holder_erases_only_their_own()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-pen"), "s1", "s2");
        await Lessons.JoinAsync(classroom, "s1", connection: "s1-watch", asViewer: true);
        var board = Board(classroom);
        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("t1", 1, 1));

        var withoutPen = await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.StartStrokeAsync("s1", "s1-c1", Pen("s1a", 5, 5)));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.GrantPenAsync("s2", "s1"));
        await board.GrantPenAsync(Teacher, "s1");
        await board.StartStrokeAsync("s1", "s1-c1", Pen("s1a", 5, 5));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.StartStrokeAsync("s1", "s1-watch", Pen("s1b", 5, 5)));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => board.ExtendStrokeAsync("s1", "s1-c1", "t1", [2, 2]));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.EraseAsync("s1", "s1-c1", BoardState.FirstPageId, ["t1", "s1a"]));
        await board.EraseAsync("s1", "s1-c1", BoardState.FirstPageId, ["s1a", "no-such-stroke"]);
        await board.RevokePenAsync("s1", "s1");
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.StartStrokeAsync("s1", "s1-c1", Pen("s1c", 5, 5)));
        await board.EraseAsync(Teacher, TeacherConnection, BoardState.FirstPageId, ["t1"]);

        Assert.Equal(Refusals.BoardPenRequired, withoutPen.Code);
        var snapshot = (await classroom.GetSnapshotAsync("s1")).Board;
        Assert.Empty(snapshot.PenHolders);
        Assert.Empty(snapshot.Pages.Single().Strokes);
        Assert.Equal(["s1a"], (await Lessons.EventsOfAsync<BoardErased>(classroom))[0].StrokeIds);
    }

    [Fact]
    public async Task Staff_prepare_the_board_before_the_lesson_and_nobody_changes_it_after()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("board-times"));
        await Lessons.JoinAsync(classroom, Teacher, AccountKind.Teacher);
        var board = Board(classroom);

        await board.DrawShapeAsync(Teacher, TeacherConnection, Shape("prep", BoardTool.Arrow, [0, 0, 10_000, 10_000]));
        await classroom.StartAsync(Teacher);
        await classroom.EndAsync(Teacher);

        var ended = await Assert.ThrowsAsync<ClassroomStateException>(() => board.StartStrokeAsync(Teacher, TeacherConnection, Pen("late", 1, 1)));
        await Assert.ThrowsAsync<ClassroomStateException>(() => board.AddPageAsync(Teacher));
        Assert.Equal(Refusals.LessonEndedForAction, ended.Code);
        Assert.Equal("prep", (await classroom.GetSnapshotAsync(Teacher)).Board.Pages[0].Strokes.Single().StrokeId);
    }

    [Theory]
    [InlineData("bad id!", "pen", "#000000", 30, new[] { 1, 1 }, Refusals.BoardStrokeId)]
    [InlineData("s", "pen", "#000000", 30, new[] { 1 }, Refusals.BoardPoints)]
    [InlineData("s", "pen", "#000000", 30, new int[0], Refusals.BoardPoints)]
    [InlineData("s", "pen", "#000000", 30, new[] { 1, 10_001 }, Refusals.BoardPoints)]
    [InlineData("s", "pen", "#000000", 30, new[] { -1, 0 }, Refusals.BoardPoints)]
    [InlineData("s", "pen", "red", 30, new[] { 1, 1 }, Refusals.BoardColor)]
    [InlineData("s", "pen", "#000000", 4, new[] { 1, 1 }, Refusals.BoardWidth)]
    [InlineData("s", "pen", "#000000", 1001, new[] { 1, 1 }, Refusals.BoardWidth)]
    [InlineData("s", "rectangle", "#000000", 30, new[] { 1, 1, 2, 2 }, Refusals.BoardToolMismatch)]
    public async Task Malformed_strokes_are_refused_with_the_rule_they_broke_and_nothing_is_drawn(
        string strokeId, string tool, string color, int width, int[] points, string code)
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-bad"));
        var parsed = Enum.Parse<BoardTool>(tool, ignoreCase: true);

        var error = await Assert.ThrowsAsync<ClassroomValidationException>(() =>
            Board(classroom).StartStrokeAsync(Teacher, TeacherConnection, new StrokeStart(strokeId, BoardState.FirstPageId, parsed, color, width, points)));

        Assert.Equal(code, error.Code);
        Assert.Empty((await classroom.GetSnapshotAsync(Teacher)).Board.Pages[0].Strokes);
    }

    [Fact]
    public async Task Shapes_take_their_points_and_texts_their_words_and_calls_stay_within_their_limits()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-limits"));
        var board = Board(classroom);

        async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<ClassroomValidationException>(call)).Code;

        Assert.Equal(Refusals.BoardToolMismatch, await Refused(() => board.DrawShapeAsync(Teacher, TeacherConnection, Shape("p", BoardTool.Pen, [1, 1, 2, 2]))));
        Assert.Equal(Refusals.BoardShapePoints, await Refused(() => board.DrawShapeAsync(Teacher, TeacherConnection, Shape("l", BoardTool.Line, [1, 1]))));
        Assert.Equal(Refusals.BoardShapePoints, await Refused(() => board.DrawShapeAsync(Teacher, TeacherConnection, Shape("t", BoardTool.Text, [1, 1, 2, 2], "x"))));
        Assert.Equal(Refusals.BoardTextLength, await Refused(() => board.DrawShapeAsync(Teacher, TeacherConnection, Shape("t", BoardTool.Text, [1, 1], " \u0007 "))));
        Assert.Equal(Refusals.BoardTextLength, await Refused(() => board.DrawShapeAsync(Teacher, TeacherConnection, Shape("t", BoardTool.Text, [1, 1], new string('字', 201)))));
        Assert.Equal(Refusals.BoardPoints, await Refused(() => board.StartStrokeAsync(Teacher, TeacherConnection, Pen("big", new int[2 * 257]))));

        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("long", 0, 0));
        for (var i = 0; i < 19; i++)
        {
            await board.ExtendStrokeAsync(Teacher, TeacherConnection, "long", new int[2 * 256]);
        }

        Assert.Equal(Refusals.BoardStrokeTooLong, await Refused(() => board.ExtendStrokeAsync(Teacher, TeacherConnection, "long", new int[2 * 256])));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => board.EraseAsync(Teacher, TeacherConnection, BoardState.FirstPageId, [.. Enumerable.Repeat("x", 501)]));
        Assert.Equal(1 + (19 * 256), (await classroom.GetSnapshotAsync(Teacher)).Board.Pages[0].Strokes.Single().Points.Count / 2);
    }

    [Fact]
    public async Task A_page_holds_its_limit_of_strokes_and_then_asks_to_be_cleared()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-full"));
        var board = Board(classroom);

        await Task.WhenAll(Enumerable.Range(0, BoardLimits.MaxStrokesPerPage)
            .Select(i => board.DrawShapeAsync(Teacher, TeacherConnection, Shape($"l{i}", BoardTool.Line, [0, 0, i, i]))));
        var full = await Assert.ThrowsAsync<ClassroomStateException>(() => board.StartStrokeAsync(Teacher, TeacherConnection, Pen("one-more", 1, 1)));
        await board.ClearPageAsync(Teacher, BoardState.FirstPageId);
        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("one-more", 1, 1));

        Assert.Equal(Refusals.BoardPageFull, full.Code);
        Assert.Single((await classroom.GetSnapshotAsync(Teacher)).Board.Pages[0].Strokes);
    }

    [Fact]
    public async Task The_board_and_a_pen_holders_share_of_it_are_bounded_and_erasing_makes_room_again()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-budget"), "s1");
        var board = Board(classroom);
        await board.GrantPenAsync(Teacher, "s1");

        // A stroke of 19 calls of 256 points: 4,864 points.
        async Task DrawAsync(string user, string connection, string strokeId)
        {
            await board.StartStrokeAsync(user, connection, Pen(strokeId, new int[512]));
            for (var i = 0; i < 18; i++)
            {
                await board.ExtendStrokeAsync(user, connection, strokeId, new int[512]);
            }
        }

        // The student: 4 strokes and 512 points more make 19,968 of the 20,000 a pen holder may have.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => DrawAsync("s1", "s1-c1", $"s{i}")));
        await board.StartStrokeAsync("s1", "s1-c1", Pen("s4", new int[512]));
        await board.ExtendStrokeAsync("s1", "s1-c1", "s4", new int[512]);
        var penBudget = await Assert.ThrowsAsync<ClassroomStateException>(() => board.ExtendStrokeAsync("s1", "s1-c1", "s4", new int[512]));
        // The teacher: 37 strokes fill the board to 199,936 of its 200,000 points.
        await Task.WhenAll(Enumerable.Range(0, 37).Select(i => DrawAsync(Teacher, TeacherConnection, $"t{i}")));
        var full = await Assert.ThrowsAsync<ClassroomStateException>(() => board.StartStrokeAsync(Teacher, TeacherConnection, Pen("more", new int[512])));
        await board.EraseAsync(Teacher, TeacherConnection, BoardState.FirstPageId, ["t0"]);
        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("more", new int[512]));

        Assert.Equal((Refusals.BoardPenBudget, Refusals.BoardFull), (penBudget.Code, full.Code));
        var folded = new ClassroomState();
        foreach (var e in await Lessons.EventsAsync(classroom))
        {
            folded.Apply(e, 200);
        }

        Assert.Equal(200_000 - 64 - 4_864 + 256, folded.Board.TotalPoints);
        Assert.Equal(19_968, folded.Board.PointsOf("s1"));
    }

    [Fact]
    public async Task Retried_starts_and_ends_change_nothing_and_a_taken_id_is_refused()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-retry"), "s1");
        var board = Board(classroom);
        await board.GrantPenAsync(Teacher, "s1");

        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("same", 1, 1));
        await board.StartStrokeAsync(Teacher, TeacherConnection, Pen("same", 1, 1));
        await board.EndStrokeAsync(Teacher, TeacherConnection, "same", [2, 2]);
        await board.EndStrokeAsync(Teacher, TeacherConnection, "same", [2, 2]);
        var taken = await Assert.ThrowsAsync<ClassroomValidationException>(() => board.StartStrokeAsync("s1", "s1-c1", Pen("same", 3, 3)));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => board.ExtendStrokeAsync(Teacher, TeacherConnection, "same", [4, 4]));

        Assert.Equal(Refusals.BoardStrokeTaken, taken.Code);
        Assert.Equal([1, 1, 2, 2], (await classroom.GetSnapshotAsync(Teacher)).Board.Pages[0].Strokes.Single().Points);
        Assert.Equal(3, (await Lessons.EventsAsync(classroom)).Count(e => e.Data is BoardStrokeStarted or BoardStrokeExtended or BoardStrokeEnded));
    }

    [Fact]
    public async Task Slides_become_pages_in_order_once_and_within_the_board_limit()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-slides"), "s1");
        var board = Board(classroom);

        var pageIds = await board.AddSlidesAsync(Teacher, new SlideDeckView("deck-1", " 一元一次方程.pdf ", 3));
        await board.DrawShapeAsync(Teacher, TeacherConnection, Shape("on-slide", BoardTool.Ellipse, [100, 100, 300, 200], pageId: pageIds[1]));
        var twice = await Assert.ThrowsAsync<ClassroomStateException>(() => board.AddSlidesAsync(Teacher, new SlideDeckView("deck-1", "again.pdf", 3)));
        var tooMany = await Assert.ThrowsAsync<ClassroomStateException>(() => board.AddSlidesAsync(Teacher, new SlideDeckView("deck-2", "big.pdf", BoardLimits.MaxPages)));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => board.AddSlidesAsync("s1", new SlideDeckView("deck-3", "mine.pdf", 1)));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => board.AddSlidesAsync(Teacher, new SlideDeckView("deck-4", "", 1)));
        var snapshot = (await classroom.GetSnapshotAsync("s1")).Board;

        Assert.Equal(["p2", "p3", "p4"], pageIds);
        Assert.Equal("p2", snapshot.CurrentPageId);
        Assert.Equal([null, new SlideRef("deck-1", 1), new SlideRef("deck-1", 2), new SlideRef("deck-1", 3)], snapshot.Pages.Select(p => p.Slide));
        Assert.Equal(new SlideDeckView("deck-1", "一元一次方程.pdf", 3), snapshot.Decks.Single());
        Assert.Equal("on-slide", snapshot.Pages[2].Strokes.Single().StrokeId);
        Assert.Equal((Refusals.BoardDeckAlreadyAdded, Refusals.BoardTooManyPages), (twice.Code, tooMany.Code));
    }

    [Fact]
    public async Task Folding_the_log_again_gives_the_board_the_classroom_shows()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-fold"), "s1");
        var board = Board(classroom);
        await board.GrantPenAsync(Teacher, "s1");
        await board.StartStrokeAsync("s1", "s1-c1", Pen("s", 1, 2, 3, 4));
        await board.AddSlidesAsync(Teacher, new SlideDeckView("deck", "d.pdf", 2));
        await board.DrawShapeAsync(Teacher, TeacherConnection, Shape("h", BoardTool.Line, [5, 5, 6, 6], pageId: "p3"));
        await board.ExtendStrokeAsync("s1", "s1-c1", "s", [5, 6]);
        await board.EraseAsync(Teacher, TeacherConnection, "p3", ["h"]);
        await board.AddPageAsync(Teacher);

        var folded = new ClassroomState();
        foreach (var e in await Lessons.EventsAsync(classroom))
        {
            folded.Apply(e, 200);
        }

        var live = (await classroom.GetSnapshotAsync(Teacher)).Board;
        Assert.Equal(Json(live), Json(folded.Board.View()));
        Assert.Equal([1, 2, 3, 4, 5, 6], live.Pages[0].Strokes.Single().Points);
    }

    [Fact]
    public async Task Pointer_moves_are_coalesced_sent_to_subscribers_and_never_stored()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("board-pointer"), "s1");
        var board = Board(classroom);
        var collector = new BatchCollector();
        await classroom.SubscribeAsync(Lessons.Client.CreateObjectReference<IClassroomObserver>(collector));
        var seqBefore = (await classroom.GetSnapshotAsync(Teacher)).Seq;

        await board.MovePointerAsync("s1", "s1-c1", BoardState.FirstPageId, 1, 1);
        for (var x = 0; x <= 5_000; x += 100)
        {
            await board.MovePointerAsync(Teacher, TeacherConnection, BoardState.FirstPageId, x, 20_000);
        }

        await fixture.Cluster.AdvanceAsync(TimeSpan.FromMilliseconds(100));
        var notices = await collector.WaitForPointerAsync(p => p.X == 5_000);

        Assert.Equal([new BoardPointer(Teacher, BoardState.FirstPageId, 5_000, BoardLimits.PageUnits)], notices.Single());
        Assert.Equal(seqBefore, (await classroom.GetSnapshotAsync(Teacher)).Seq);
    }

    private static string Json(BoardView board) =>
        System.Text.Json.JsonSerializer.Serialize(board, Contracts.Serialization.ContractsJsonContext.Default.BoardView);
}
