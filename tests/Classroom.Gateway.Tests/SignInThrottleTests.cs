using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit;

namespace Classroom.Gateway.Tests;

/// <summary>Sign-in throttling through the API, on a gateway of its own whose clock the tests move.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private readonly ShiftableClock _clock = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(time: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Thirty_wrong_passwords_lock_the_account_with_a_429_and_the_owner_gets_in_once_the_window_ends()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await LoginAsync("student1", $"guess-{i:D4}")).StatusCode);
        }

        var locked = await LoginAsync("student1", "student-demo");
        var problem = await locked.Content.ReadFromJsonAsync<JsonObject>();
        var retryAfter = locked.Headers.RetryAfter!.Delta!.Value;
        var otherAccount = await LoginAsync("student2", "student-demo");
        _clock.Advance(retryAfter);
        var afterWindow = await LoginAsync("student1", "student-demo");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 6).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 24)), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("account.sign-in-throttled", problem!["code"]!.GetValue<string>());
        Assert.Equal($"Too many failed sign-ins: try again in {(int)retryAfter.TotalSeconds} seconds.", problem["detail"]!.GetValue<string>());
        Assert.InRange(retryAfter.TotalSeconds, 1, 15);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    [Fact]
    public async Task The_throttle_speaks_chinese_to_a_chinese_client()
    {
        for (var i = 0; i < 6; i++)
        {
            await LoginAsync("student3", $"guess-{i:D4}");
        }

        using var chinese = _host.CreateClient("zh-CN");
        var locked = await chinese.PostAsJsonAsync("/api/accounts/login", new { userName = "student3", password = "student-demo" });
        var problem = await locked.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("请求太频繁", problem!["title"]!.GetValue<string>());
        Assert.Matches(@"^登录失败次数太多，请 \d+ 秒后再试。$", problem["detail"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        _host.Http.PostAsJsonAsync("/api/accounts/login", new { userName, password });
}
