using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class BoardHubTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private static object Pen(string strokeId, string pageId, params int[] points) =>
        new { strokeId, pageId, tool = "pen", color = "#1f2937", width = 30, points };

    [Fact]
    public async Task Every_board_action_works_through_the_hub_and_the_class_sees_it_in_order()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await JoinAsync(student, id);

        var page = (await teacher.InvokeAsync("AddBoardPage", id))!.GetValue<string>();
        await teacher.InvokeAsync("StartStroke", id, Pen("t1", page, 10, 10, 20, 20));
        await teacher.InvokeAsync("ExtendStroke", id, "t1", new[] { 30, 30 });
        await teacher.InvokeAsync("EndStroke", id, "t1", new[] { 40, 40 });
        await teacher.InvokeAsync("DrawShape", id, new { strokeId = "r1", pageId = page, tool = "rectangle", color = "#2563eb", width = 20, points = new[] { 1, 2, 3, 4 }, text = (string?)null });
        await teacher.InvokeAsync("GrantPen", id, "student1");
        await student.InvokeAsync("StartStroke", id, Pen("s1", page, 5, 5));
        await student.InvokeAsync("EndStroke", id, "s1", Array.Empty<int>());
        await student.InvokeAsync("EraseStrokes", id, page, new[] { "s1" });
        await student.InvokeAsync("RevokePen", id, "student1");
        await teacher.InvokeAsync("EraseStrokes", id, page, new[] { "r1" });
        await teacher.InvokeAsync("ShowBoardPage", id, "p1");
        await teacher.InvokeAsync("ClearBoardPage", id, page);
        var late = await JoinAsync(await Host.ConnectAsync(await Host.StudentTokenAsync(2)), id);

        var events = new List<JsonNode>();
        while (!events.Any(e => Type(e) == "board.page-cleared"))
        {
            events.AddRange(await student.EventsThroughAsync(0));
        }

        string[] expected =
        [
            "board.page-added", "board.page-shown", "board.stroke-started", "board.stroke-extended", "board.stroke-extended", "board.stroke-ended",
            "board.shape-drawn", "board.pen-granted", "board.stroke-started", "board.stroke-ended", "board.erased", "board.pen-revoked",
            "board.erased", "board.page-shown", "board.page-cleared",
        ];
        Assert.Equal(expected, events.Select(Type).Where(t => t.StartsWith("board.", StringComparison.Ordinal)));
        Assert.Equal([10, 10, 20, 20], events.First(e => Type(e) == "board.stroke-started")["data"]!["points"]!.AsArray().Select(v => v!.GetValue<int>()));
        var board = late["snapshot"]!["board"]!;
        Assert.Equal("p1", board["currentPageId"]!.GetValue<string>());
        Assert.Equal(["p1", "p2"], board["pages"]!.AsArray().Select(p => p!["pageId"]!.GetValue<string>()));
        Assert.Empty(board["pages"]![1]!["strokes"]!.AsArray());
    }

    [Fact]
    public async Task Drawing_without_the_pen_is_refused_in_the_callers_language_and_nothing_is_drawn()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var english = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await using var chinese = await Host.ConnectAsync(await Host.StudentTokenAsync(2), language: "zh-CN");
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await JoinAsync(english, id);
        await JoinAsync(chinese, id);

        var refusedEnglish = await Assert.ThrowsAsync<HubError>(() => english.InvokeAsync("StartStroke", id, Pen("x", "p1", 1, 1)));
        var refusedChinese = await Assert.ThrowsAsync<HubError>(() => chinese.InvokeAsync("DrawShape", id, new { strokeId = "y", pageId = "p1", tool = "line", color = "#000000", width = 10, points = new[] { 1, 1, 2, 2 } }));
        var badPoints = await Assert.ThrowsAsync<HubError>(() => teacher.InvokeAsync("StartStroke", id, Pen("z", "p1", 1, 20_000)));
        var snapshot = await JoinAsync(english, id);

        Assert.Contains("[board.pen-required] Only the teacher, assistants and students handed the pen may draw", refusedEnglish.Message);
        Assert.Contains("[board.pen-required] 只有老师、助教和拿到画笔的同学可以在白板上书写", refusedChinese.Message);
        Assert.Contains("[board.points]", badPoints.Message);
        Assert.Empty(snapshot["snapshot"]!["board"]!["pages"]![0]!["strokes"]!.AsArray());
    }

    [Fact]
    public async Task The_laser_pointer_reaches_the_class_coalesced_and_never_as_an_event()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        var joined = await JoinAsync(student, id);

        for (var x = 0; x <= 3_000; x += 100)
        {
            await teacher.SendAsync("MovePointer", id, "p1", x, 500);
        }

        var frames = new List<JsonArray>();
        while (!frames.SelectMany(f => f).Any(p => p!["x"]!.GetValue<int>() == 3_000))
        {
            frames.Add(await student.NextPointersAsync());
        }

        await teacher.SendAsync("MovePointer", id, null, 0, 0);
        var hidden = await student.NextPointersAsync();

        Assert.True(frames.Count < 31, $"{frames.Count} pointer frames for 31 moves");
        Assert.All(frames.SelectMany(f => f), p => Assert.Equal(("teacher", "p1", 500), (p!["userId"]!.GetValue<string>(), p["pageId"]!.GetValue<string>(), p["y"]!.GetValue<int>())));
        Assert.Null(hidden.Single()!["pageId"]);
        var (target, _) = await NextCallOrNothingAsync(student);
        Assert.Null(target);
        Assert.Equal(Through(joined), Through(await JoinAsync(student, id)));
    }

    [Fact]
    public async Task A_drawer_has_a_budget_of_its_own_and_what_is_over_it_is_refused_not_drawn()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await teacher.InvokeAsync("StartStroke", id, Pen("fast", "p1", 0, 0));

        var calls = Enumerable.Range(1, 160).Select(i => Outcome(teacher.InvokeAsync("ExtendStroke", id, "fast", new[] { i, i }))).ToList();
        var outcomes = await Task.WhenAll(calls);
        var chat = await teacher.InvokeAsync("PostChat", id, "still here");

        var refused = outcomes.Where(o => o is not null).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, message => Assert.Contains("[hub.rate-limit.draw]", message));
        Assert.NotNull(chat);
        var snapshot = await JoinAsync(teacher, id);
        Assert.Equal(2 * (1 + outcomes.Count(o => o is null)), snapshot["snapshot"]!["board"]!["pages"]![0]!["strokes"]![0]!["points"]!.AsArray().Count);
    }

    private static async Task<string?> Outcome(Task<JsonNode?> call)
    {
        try
        {
            await call;
            return null;
        }
        catch (HubError e)
        {
            return e.Message;
        }
    }

    /// <summary>The next server call if one comes while a chat round trip happens; none is expected.</summary>
    private static async Task<(string? Target, JsonArray? Arguments)> NextCallOrNothingAsync(HubTestClient client) =>
        client.HasNoCallWaiting ? (null, null) : await client.NextCallAsync();
}
