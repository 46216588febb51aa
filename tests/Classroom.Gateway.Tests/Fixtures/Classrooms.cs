using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>Schedules fresh lessons through the API, so each hub test has a classroom of its own.</summary>
public static class Classrooms
{
    public static async Task<string> ScheduleAsync(GatewayHost host, string title = "Linear equations")
    {
        using var teacher = host.CreateClient();
        teacher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TeacherTokenAsync());
        var response = await teacher.PostAsJsonAsync("/api/lessons", new
        {
            title, subject = "math", grade = 8, courseType = "textbook", description = "",
            startsAt = "2030-06-01T14:30:00+08:00", duration = "01:00:00",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["classroomId"]!.GetValue<string>();
    }

    /// <summary>Joins and returns the join response.</summary>
    public static async Task<JsonObject> JoinAsync(HubTestClient client, string classroomId, long? lastSeq = null, bool asViewer = false) =>
        (await client.InvokeAsync("JoinClassroom", classroomId, lastSeq, asViewer))!.AsObject();

    /// <summary>Joins through a raw socket (a viewer that can stop reading).</summary>
    public static async Task<JsonObject> JoinAsync(RawHubSocket socket, string classroomId, long? lastSeq = null, bool asViewer = false) =>
        (await socket.InvokeAsync("JoinClassroom", classroomId, lastSeq, asViewer))!.AsObject();

    public static long Through(JsonObject join) => join["through"]!.GetValue<long>();

    public static string Type(JsonNode e) => e["type"]!.GetValue<string>();

    public static long Seq(JsonNode e) => e["seq"]!.GetValue<long>();

    /// <summary>The seq of a chat message from its id (<c>m42</c>).</summary>
    public static long Seq(string messageId) => long.Parse(messageId[1..], System.Globalization.CultureInfo.InvariantCulture);
}
