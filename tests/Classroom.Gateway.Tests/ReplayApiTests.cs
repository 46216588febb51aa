using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ReplayApiTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private async Task<HttpClient> StudentAsync(int number)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.StudentTokenAsync(number));
        return client;
    }

    /// <summary>A lesson that ran and ended: the teacher started it, a student chatted twice, the teacher added a marker and ended it.</summary>
    private async Task<string> RecordedLessonAsync()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(teacher, id);
        await JoinAsync(student, id);
        await teacher.InvokeAsync("StartLesson", id);
        await student.InvokeAsync("PostChat", id, "Is it x = 4?");
        await teacher.InvokeAsync("AddMarker", id, "Checking the answer");
        await student.InvokeAsync("PostChat", id, "Thanks!");
        await teacher.InvokeAsync("EndLesson", id);
        return id;
    }

    [Fact]
    public async Task No_query_text_makes_the_replay_and_lesson_endpoints_answer_500()
    {
        var id = await RecordedLessonAsync();
        using var student = await StudentAsync(2);
        string[] samples = ["３", "１:００", "١٠", "৩s", "%00", "1e309", "NaN", "-0", "99999999999999999999", "1h1h", "::", "%F0%9F%98%80", "%ED%A0%80", "ｘ"];
        string[] paths =
        [
            $"/api/lessons/{id}/replay/state?t={{0}}",
            $"/api/lessons/{id}/replay/events?after={{0}}&max={{0}}",
            $"/api/lessons/{id}/replay/chat?q={{0}}&max={{0}}",
            "/api/lessons?from={0}&to={0}&subject={0}",
            "/api/lessons/{0}",
        ];

        foreach (var path in paths)
        {
            foreach (var sample in samples)
            {
                using var response = await student.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, sample));
                Assert.True((int)response.StatusCode < 500, $"{path} with {sample}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_student_opens_a_replay_seeks_by_deep_link_searches_the_chat_and_is_offered_their_place_back()
    {
        var id = await RecordedLessonAsync();
        using var student = await StudentAsync(2);

        var opened = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay"))!;
        var end = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay/state?t=1h10m5s"))!;
        var search = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay/chat?q=x%20%3D%204"))!;
        var saved = await student.PutAsJsonAsync($"/api/lessons/{id}/replay/position", new { positionMillis = 0 });
        var reopened = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay"))!;

        Assert.Null(opened["resumeMillis"]);
        Assert.Equal(["Lesson started", "Checking the answer", "Lesson ended"], opened["replay"]!["chapters"]!.AsArray().Select(c => c!["label"]!.GetValue<string>()));
        Assert.True(end["atEnd"]!.GetValue<bool>());
        Assert.Equal(opened["replay"]!["durationMillis"]!.GetValue<long>(), end["offsetMillis"]!.GetValue<long>());
        Assert.Equal(["Is it x = 4?", "Thanks!"], end["snapshot"]!["chat"]!["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal("Is it x = 4?", search["hits"]!.AsArray().Single()!["message"]!["text"]!.GetValue<string>());
        Assert.True(saved.IsSuccessStatusCode);
        Assert.Equal(0, reopened["resumeMillis"]!.GetValue<long>());
    }

    [Fact]
    public async Task Event_pages_come_in_seq_order()
    {
        var id = await RecordedLessonAsync();
        using var student = await StudentAsync(2);

        var first = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay/events?after=0&max=3"))!;
        var rest = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay/events?after={first["throughSeq"]}&max=1000"))!;

        Assert.Equal(3, first["throughSeq"]!.GetValue<long>());
        Assert.True(first["hasMore"]!.GetValue<bool>());
        Assert.False(rest["hasMore"]!.GetValue<bool>());
        var seqs = first["events"]!.AsArray().Concat(rest["events"]!.AsArray()).Select(e => Seq(e!)).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Contains("lesson.ended", rest["events"]!.AsArray().Select(e => Type(e!)));
    }

    [Theory]
    [InlineData("/replay/state?t=soon", HttpStatusCode.BadRequest, "1h10m5s")]
    [InlineData("/replay/state?t=-10", HttpStatusCode.BadRequest, "0 or more")]
    [InlineData("/replay/chat?q=", HttpStatusCode.BadRequest, "1 to 100 characters")]
    [InlineData("/replay/events?after=-1", HttpStatusCode.BadRequest, "0 or more")]
    public async Task Bad_moments_and_queries_get_a_problem_that_says_why(string path, HttpStatusCode status, string detail)
    {
        var id = await RecordedLessonAsync();
        using var student = await StudentAsync(2);

        var response = await student.GetAsync($"/api/lessons/{id}{path}");

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_and_unstarted_lessons_and_strangers_get_no_replay()
    {
        var scheduled = await ScheduleAsync(Host);
        using var student = await StudentAsync(2);

        Assert.Equal(HttpStatusCode.NotFound, (await student.GetAsync("/api/lessons/no-such-lesson/replay")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await student.GetAsync($"/api/lessons/{scheduled}/replay/state?t=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.GetAsync($"/api/lessons/{scheduled}/replay")).StatusCode);
    }

    [Fact]
    public async Task The_hub_plays_a_replay_at_four_times_speed_to_its_end()
    {
        var id = await RecordedLessonAsync();
        await using var viewer = await Host.ConnectAsync(await Host.StudentTokenAsync(3));

        var opened = (await viewer.InvokeAsync("OpenReplay", id))!.AsObject();
        var start = (await viewer.InvokeAsync("SeekReplay", id, 0))!.AsObject();
        await viewer.InvokeAsync("PlayReplay", id, 4.0);
        var played = new List<JsonNode>();
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
                Assert.Equal(opened["replay"]!["durationMillis"]!.GetValue<long>(), batch["positionMillis"]!.GetValue<long>());
                break;
            }
        }

        Assert.Equal(["Is it x = 4?", "Thanks!"], played.Where(e => Type(e) == "chat.posted").Select(e => e["data"]!["text"]!.GetValue<string>()));
        var seqs = played.Select(Seq).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.True(seqs[0] > start["snapshot"]!["seq"]!.GetValue<long>());
        Assert.Contains("Open the lesson's replay first", (await Assert.ThrowsAsync<HubError>(() => viewer.InvokeAsync("PauseReplay", "another-lesson"))).Message);
    }
}
