using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

/// <summary>A gateway of its own whose wall clock the test moves, with a recorded lesson of 2 minutes: chat "before" at its start, "inside" at 1 minute, "after" at 1.5 minutes.</summary>
public sealed class RecordedLessonHost : IAsyncLifetime
{
    public ShiftableClock Clock { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public string Lesson { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = await GatewayHost.StartAsync(time: Clock);
        Lesson = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await JoinAsync(teacher, Lesson);
        await teacher.InvokeAsync("StartLesson", Lesson);
        await teacher.InvokeAsync("PostChat", Lesson, "before");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await teacher.InvokeAsync("PostChat", Lesson, "inside");
        Clock.Advance(TimeSpan.FromSeconds(30));
        await teacher.InvokeAsync("PostChat", Lesson, "after");
        Clock.Advance(TimeSpan.FromSeconds(30));
        await teacher.InvokeAsync("EndLesson", Lesson);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Micro-lessons over HTTP and the hub.</summary>
public sealed class MicroLessonApiTests(RecordedLessonHost recorded) : IClassFixture<RecordedLessonHost>
{
    private const string Point = "math.linear-equation-one-variable";
    private readonly GatewayHost _host = recorded.Host;
    private readonly string _lesson = recorded.Lesson;

    private async Task<HttpClient> ClientAsync(string token)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private object Draft(long from, long to, string title = "移项") =>
        new { classroomId = _lesson, fromMillis = from, toMillis = to, title, subject = "math", grade = 7, knowledgePoints = new[] { Point }, description = "" };

    [Fact]
    public async Task A_teacher_cuts_a_micro_lesson_students_find_it_by_subject_and_point_and_its_teacher_deletes_it()
    {
        using var teacher = await ClientAsync(await _host.TeacherTokenAsync());
        using var student = await ClientAsync(await _host.StudentTokenAsync(1));

        using var created = await teacher.PostAsJsonAsync("/api/micro-lessons", Draft(55_000, 67_000));
        var made = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = made["microLessonId"]!.GetValue<string>();
        var bySubject = (await student.GetFromJsonAsync<JsonArray>($"/api/micro-lessons?subject=math&knowledgePoint={Point}"))!;
        var all = (await student.GetFromJsonAsync<JsonArray>("/api/micro-lessons"))!;
        var one = (await student.GetFromJsonAsync<JsonObject>($"/api/micro-lessons/{id}"))!;
        using var byStudent = await student.PostAsJsonAsync("/api/micro-lessons", Draft(0, 20_000));
        using var tooLong = await teacher.PostAsJsonAsync("/api/micro-lessons", Draft(0, 130_000));
        using var deletedByStudent = await student.DeleteAsync($"/api/micro-lessons/{id}");
        using var deleted = await teacher.DeleteAsync($"/api/micro-lessons/{id}");
        using var gone = await student.GetAsync($"/api/micro-lessons/{id}");
        using var notAnId = await student.GetAsync("/api/micro-lessons/..%2Fetc");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/micro-lessons/{id}", created.Headers.Location!.OriginalString);
        Assert.Contains(id, bySubject.Select(m => m!["microLessonId"]!.GetValue<string>()));
        Assert.Contains(all, m => m!["microLessonId"]!.GetValue<string>() == id);
        Assert.Equal(("移项", 55_000L, 67_000L), (one["title"]!.GetValue<string>(), one["fromMillis"]!.GetValue<long>(), one["toMillis"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("micro.range", (await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, deletedByStudent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (gone.StatusCode, notAnId.StatusCode));
        Assert.DoesNotContain(id, (await student.GetFromJsonAsync<JsonArray>("/api/micro-lessons?subject=math"))!.Select(m => m!["microLessonId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_micro_lesson_plays_its_range_of_the_replay_only()
    {
        using var teacher = await ClientAsync(await _host.TeacherTokenAsync());
        using var created = await teacher.PostAsJsonAsync("/api/micro-lessons", Draft(55_000, 67_000));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["microLessonId"]!.GetValue<string>();
        await using var viewer = await _host.ConnectAsync(await _host.StudentTokenAsync(2));

        var opened = (await viewer.InvokeAsync("OpenMicroLesson", id))!.AsObject();
        var start = (await viewer.InvokeAsync("SeekReplay", _lesson, 0))!.AsObject();
        await viewer.InvokeAsync("PlayReplay", _lesson, 4.0);
        var played = new List<JsonNode>();
        long endedAt;
        while (true)
        {
            var (target, arguments) = await viewer.NextCallAsync();
            if (target != "replay")
            {
                continue;
            }

            var batch = arguments[0]!.AsObject();
            played.AddRange(batch["events"]!.AsArray().Select(e => e!));
            if (batch["ended"]!.GetValue<bool>())
            {
                endedAt = batch["positionMillis"]!.GetValue<long>();
                break;
            }
        }

        Assert.Equal((id, _lesson), (opened["microLesson"]!["microLessonId"]!.GetValue<string>(), opened["replay"]!["classroomId"]!.GetValue<string>()));
        Assert.Equal(55_000, start["offsetMillis"]!.GetValue<long>());
        Assert.Equal(["inside"], played.Where(e => Type(e) == "chat.posted").Select(e => e["data"]!["text"]!.GetValue<string>()));
        Assert.Equal(67_000, endedAt);
        var unknown = await Assert.ThrowsAsync<HubError>(() => viewer.InvokeAsync("OpenMicroLesson", "ml-0000000000000000"));
        Assert.Contains("[micro.not-found]", unknown.Message);
    }
}
