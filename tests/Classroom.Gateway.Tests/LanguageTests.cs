using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

/// <summary>The server's messages in the caller's language: zh-CN unless the request asks for English; codes never change.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LanguageTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_hub_refusal_is_in_chinese_by_default_and_in_english_on_a_lang_en_connection_with_the_same_code()
    {
        var id = await ScheduleAsync(Host);
        var token = await Host.StudentTokenAsync(1);
        await using var chinese = await Host.ConnectAsync(token, language: null);
        await using var english = await Host.ConnectAsync(token, language: "en");

        var inChinese = await Assert.ThrowsAsync<HubError>(() => chinese.InvokeAsync("StartLesson", id));
        var inEnglish = await Assert.ThrowsAsync<HubError>(() => english.InvokeAsync("StartLesson", id));

        Assert.EndsWith("HubException: [lesson.staff-only] 只有老师或助教可以开始上课。", inChinese.Message, StringComparison.Ordinal);
        Assert.EndsWith("HubException: [lesson.staff-only] Only the teacher or an assistant may start the lesson.", inEnglish.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "[lesson.not-found] 没有找到课程“no-such-lesson”，它可能还没有安排。")]
    [InlineData("zh-Hans", "[lesson.not-found] 没有找到课程“no-such-lesson”，它可能还没有安排。")]
    [InlineData("en-US", "[lesson.not-found] No lesson 'no-such-lesson' has been scheduled.")]
    [InlineData("fr", "[lesson.not-found] 没有找到课程“no-such-lesson”，它可能还没有安排。")]
    public async Task A_hub_connection_says_refusals_with_their_arguments_in_the_language_its_url_asks_for(string language, string expected)
    {
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(2), language);

        var error = await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("JoinClassroom", "no-such-lesson", null, false));

        Assert.EndsWith("HubException: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hubs_own_refusals_have_codes_too()
    {
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(3), language: null);

        var error = await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("PauseReplay", "some-lesson"));

        Assert.EndsWith("HubException: [replay.not-open] 请先打开这节课的回放（OpenReplay）。", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "请求无效", "密码应为 8 到 128 个字符。")]
    [InlineData("zh", "请求无效", "密码应为 8 到 128 个字符。")]
    [InlineData("en-US", "Invalid request", "A password has 8 to 128 characters.")]
    [InlineData("en-GB,zh-CN;q=0.5", "Invalid request", "A password has 8 to 128 characters.")]
    [InlineData("de-DE,zh-CN;q=0.5,en;q=0.2", "请求无效", "密码应为 8 到 128 个字符。")]
    public async Task Problem_details_come_in_the_accept_language_with_their_code(string acceptLanguage, string title, string detail)
    {
        using var client = Host.CreateClient(acceptLanguage);

        var response = await client.PostAsJsonAsync("/api/accounts", new { userName = "valid-name", password = "short", displayName = "Name", kind = "student" });
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((title, detail, Refusals.AccountPasswordLength), (Text(problem, "title"), Text(problem, "detail"), Text(problem, "code")));
    }

    [Fact]
    public async Task Problem_details_are_chinese_without_accept_language()
    {
        using var client = Host.CreateClient(language: null);

        var response = await client.PostAsJsonAsync("/api/accounts/login", new { userName = "teacher", password = "nope-nope" });
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("登录失败", "用户名或密码不正确。", Refusals.AccountSignInFailed), (Text(problem, "title"), Text(problem, "detail"), Text(problem, "code")));
    }

    [Theory]
    [InlineData("/api/lessons/no-such-lesson?lang=en", null, "zh-CN", "No lesson 'no-such-lesson' has been scheduled.")]
    [InlineData("/api/lessons/no-such-lesson", "classroom_lang=en", "zh-CN", "No lesson 'no-such-lesson' has been scheduled.")]
    [InlineData("/api/lessons/no-such-lesson?lang=zh-CN", "classroom_lang=en", "en", "没有找到课程“no-such-lesson”，它可能还没有安排。")]
    [InlineData("/api/lessons/no-such-lesson", "classroom_lang=c%3Den%7Cuic%3Den", null, "No lesson 'no-such-lesson' has been scheduled.")]
    public async Task The_lang_query_comes_before_the_cookie_and_the_cookie_before_accept_language(string path, string? cookie, string? acceptLanguage, string detail)
    {
        using var client = Host.CreateClient(acceptLanguage);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Host.StudentTokenAsync(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await client.SendAsync(request);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((detail, Refusals.LessonNotFound), (Text(problem, "detail"), Text(problem, "code")));
    }

    private static string? Text(JsonObject problem, string name) => problem[name]?.GetValue<string>();
}
