using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Classroom.TestKit.Chaos;

/// <summary>The few HTTP calls of the gateway a load run makes before it goes to the hub: tokens and a lesson.</summary>
public static class GatewayApi
{
    /// <summary>The access token from a sign-in (<c>/api/accounts/login</c>) or a guest's (<c>/api/accounts/guest</c>).</summary>
    public static async Task<string> TokenAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A student account of its own (a strong random password), signed in.</summary>
    public static async Task<string> RegisterStudentAsync(HttpClient http, string user)
    {
        var password = "Chaos-" + Guid.NewGuid().ToString("N");
        var created = await http.PostAsJsonAsync("/api/accounts", new { userName = user, password, displayName = user, kind = "student" });
        created.EnsureSuccessStatusCode();
        return await TokenAsync(http, "/api/accounts/login", new { userName = user, password });
    }

    /// <summary>Schedules a lesson tomorrow as the teacher whose token this is; returns its id.</summary>
    public static async Task<string> ScheduleAsync(HttpClient http, string teacherToken, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lessons")
        {
            Content = JsonContent.Create(new
            {
                title, subject = "math", grade = 8, courseType = "textbook", description = "",
                startsAt = DateTimeOffset.UtcNow.AddDays(1), duration = "01:00:00",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teacherToken);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["classroomId"]!.GetValue<string>();
    }
}
