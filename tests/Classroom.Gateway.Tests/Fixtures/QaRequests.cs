using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>Questions asked and answered through the API, and a recorded lesson to recommend, for the Q&amp;A pages' tests.</summary>
public static class QaRequests
{
    /// <summary>The knowledge point the tests tag questions with: 一元一次方程.</summary>
    public const string LinearEquations = "math.linear-equation-one-variable";

    /// <summary>A math question asked by <c>student{number}</c>; returns its id.</summary>
    public static async Task<string> AskAsync(GatewayHost host, int student, string title, string text)
    {
        using var client = Client(host, await host.StudentTokenAsync(student));
        var response = await client.PostAsJsonAsync("/api/qa/questions", new
        {
            subject = "math", grade = 8, knowledgePoints = new[] { LinearEquations }, title, text, photoIds = Array.Empty<string>(),
        });
        return (await ReadAsync(response))["questionId"]!.GetValue<string>();
    }

    /// <summary>The demo teacher's answer to <paramref name="questionId"/>.</summary>
    public static async Task AnswerAsync(GatewayHost host, string questionId, string finalAnswer, params string[] steps)
    {
        using var client = Client(host, await host.TeacherTokenAsync());
        await ReadAsync(await client.PostAsJsonAsync($"/api/qa/questions/{questionId}/answers", new
        {
            reasoning = "", steps, finalAnswer, resources = Array.Empty<object>(),
        }));
    }

    /// <summary>Reports <paramref name="questionId"/> as <c>student{number}</c>.</summary>
    public static async Task ReportAsync(GatewayHost host, int student, string questionId, string reason)
    {
        using var client = Client(host, await host.StudentTokenAsync(student));
        await ReadAsync(await client.PostAsJsonAsync($"/api/qa/questions/{questionId}/reports", new { reason }));
    }

    /// <summary>A math lesson taught from start to end, so it has a replay to recommend; returns its id.</summary>
    public static async Task<string> RecordedLessonAsync(GatewayHost host, string title)
    {
        var id = await Classrooms.ScheduleAsync(host, title);
        await using var teacher = await host.ConnectAsync(await host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await teacher.InvokeAsync("EndLesson", id);
        return id;
    }

    private static HttpClient Client(GatewayHost host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
