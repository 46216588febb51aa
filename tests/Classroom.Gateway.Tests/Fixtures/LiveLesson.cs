using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>A live lesson whose teacher went live with the camera, a student watching over the hub: for the media tests.</summary>
public sealed class LiveLesson : IAsyncDisposable
{
    private LiveLesson(string id, HubTestClient teacher, HubTestClient student, HttpClient http, string streamId) =>
        (Id, Teacher, Student, Http, StreamId) = (id, teacher, student, http, streamId);

    public string Id { get; }

    public HubTestClient Teacher { get; }

    /// <summary>A student who joined before the broadcast: reads every event after it.</summary>
    public HubTestClient Student { get; }

    /// <summary>The teacher's HTTP client.</summary>
    public HttpClient Http { get; }

    public string StreamId { get; }

    public static async Task<LiveLesson> StartAsync(GatewayHost host, bool broadcast = true)
    {
        var id = await Classrooms.ScheduleAsync(host);
        var token = await host.TeacherTokenAsync();
        var teacher = await host.ConnectAsync(token);
        var student = await host.ConnectAsync(await host.StudentTokenAsync(1));
        await Classrooms.JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        var streamId = "";
        if (broadcast)
        {
            streamId = (await teacher.InvokeAsync("StartBroadcast", id, "camera", true, true))!["streamId"]!.GetValue<string>();
        }

        await Classrooms.JoinAsync(student, id);
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new LiveLesson(id, teacher, student, http, streamId);
    }

    /// <summary>Uploads segment <paramref name="number"/> as the teacher (or with <paramref name="client"/>).</summary>
    public Task<HttpResponseMessage> UploadAsync(long number, byte[] bytes, long offset = -1, int duration = 1000, HttpClient? client = null) =>
        (client ?? Http).PostAsync(Path(number, offset < 0 ? (number - 1) * 1000 : offset, duration), Content(bytes));

    public string Path(long number, long offset = 0, int duration = 1000) => $"/api/lessons/{Id}/media/segments/{number}?offset={offset}&duration={duration}";

    public static ByteArrayContent Content(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/webm");
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Teacher.DisposeAsync();
        await Student.DisposeAsync();
    }
}
