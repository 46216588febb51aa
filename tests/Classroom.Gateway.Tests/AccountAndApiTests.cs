using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AccountAndApiTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private HttpClient Authorized(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_new_account_signs_in_and_knows_who_it_is()
    {
        var created = await Host.Http.PostAsJsonAsync("/api/accounts", new { userName = "Zhang.Wei", password = "correct horse", displayName = "Zhang Wei", kind = "student" });
        var token = await Host.TokenAsync("zhang.wei", "correct horse");

        var me = await Authorized(token).GetFromJsonAsync<JsonObject>("/api/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("zhang.wei", "Zhang Wei", "student"), (me!["userId"]!.GetValue<string>(), me["displayName"]!.GetValue<string>(), me["kind"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("x", "long enough", "Name", "student", HttpStatusCode.BadRequest, "user name")]
    [InlineData("valid-name", "short", "Name", "student", HttpStatusCode.BadRequest, "password")]
    [InlineData("valid-name", "long enough", "", "student", HttpStatusCode.BadRequest, "display name")]
    [InlineData("teacher", "long enough", "Name", "teacher", HttpStatusCode.Conflict, "taken")]
    [InlineData("guest-1", "long enough", "Name", "student", HttpStatusCode.BadRequest, "user name")]
    public async Task A_bad_registration_is_refused_with_a_problem_that_says_why(string userName, string password, string displayName, string kind, HttpStatusCode status, string detail)
    {
        var response = await Host.Http.PostAsJsonAsync("/api/accounts", new { userName, password, displayName, kind });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_a_missing_token_are_refused()
    {
        var login = await Host.Http.PostAsJsonAsync("/api/accounts/login", new { userName = "teacher", password = "nope-nope" });
        var anonymous = await Host.Http.GetAsync("/api/lessons");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => HubTestClient.ConnectAsync(new Uri(Host.BaseAddress, "/hubs/classroom"), null));
    }

    [Fact]
    public async Task A_teacher_schedules_a_lesson_students_find_register_and_cancel()
    {
        var teacher = Authorized(await Host.TeacherTokenAsync());
        var student = Authorized(await Host.StudentTokenAsync(1));
        var lesson = new
        {
            title = "Quadratic equations: exam review", subject = "exam-review", grade = 9, courseType = "topic-review", description = "Review",
            startsAt = "2030-06-01T14:30:00+08:00", duration = "01:30:00",
        };

        var scheduled = await teacher.PostAsJsonAsync("/api/lessons", lesson);
        var id = (await scheduled.Content.ReadFromJsonAsync<JsonObject>())!["classroomId"]!.GetValue<string>();
        var byStudent = await student.PostAsJsonAsync("/api/lessons", lesson);
        var listed = await student.GetFromJsonAsync<JsonArray>("/api/lessons?subject=exam-review&from=2030-06-01T00:00:00Z&to=2030-06-02T00:00:00Z");
        var registered = await student.PostAsync($"/api/lessons/{id}/registration", null);
        var details = await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}");
        var cancelled = await student.DeleteAsync($"/api/lessons/{id}/registration");
        var byTeacher = await teacher.PostAsync($"/api/lessons/{id}/registration", null);

        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.StartsWith("quadratic-equations-exam-review-", id);
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
        Assert.Equal(id, Assert.Single(listed!)!["classroomId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(1, details!["registeredCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTeacher.StatusCode);
    }

    [Fact]
    public async Task Lesson_errors_come_back_as_problem_details()
    {
        var student = Authorized(await Host.StudentTokenAsync(2));

        var missing = await student.GetAsync("/api/lessons/no-such-lesson");
        var early = await student.PostAsJsonAsync("/api/lessons/demo-linear-equations/rating", new { stars = 5, tags = new[] { "patient" } });
        var badRange = await student.GetAsync("/api/lessons?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("ended", (await early.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
    }

    [Fact]
    public async Task Profiles_are_served_to_signed_in_users_and_edited_by_their_owner()
    {
        var teacher = Authorized(await Host.TeacherTokenAsync());
        var student = Authorized(await Host.StudentTokenAsync(3));

        var summary = await student.GetFromJsonAsync<JsonObject>("/api/teachers/teacher");
        var mine = await student.PutAsJsonAsync("/api/students/me", new { name = "Li Ming", grade = 8, school = "Haidian No. 2", district = "Haidian" });
        var notMine = await student.PutAsJsonAsync("/api/teachers/me", new { name = "x", subjects = new[] { "math" }, title = "", school = "", district = "", bio = "", yearsOfTeaching = 1 });
        var record = await student.GetFromJsonAsync<JsonObject>("/api/students/me");

        Assert.Equal("北京市特级教师", summary!["profile"]!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
        Assert.Equal(8, record!["profile"]!["grade"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync("/api/teachers/teacher")).StatusCode);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        var health = await Host.Http.GetFromJsonAsync<JsonObject>("/health");
        var openApi = await Host.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.Equal("ok", health!["status"]!.GetValue<string>());
        Assert.True(openApi!["paths"]!.AsObject().ContainsKey("/api/lessons"));
    }
}
