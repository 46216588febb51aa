using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Contracts.Events;
using Classroom.Gateway.Hubs;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Gateway.Tests;

/// <summary>What the gateway gained on Orleans: the operators' dashboard, JWT bearer tokens, the MessagePack hub protocol.</summary>
public sealed class OrleansGatewayTests
{
    private static readonly Dictionary<string, string?> WithOperator = new() { ["Classroom:Gateway:Operators:0"] = "operator" };

    [Fact]
    public async Task Only_operators_may_open_the_orleans_dashboard()
    {
        await using var host = await GatewayHost.StartAsync(WithOperator);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = host.BaseAddress };

        var anonymous = await browser.GetAsync("/dashboard/");
        var student = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        student.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await host.StudentTokenAsync(1));
        var asStudent = await host.Http.SendAsync(student);
        var login = await browser.PostAsJsonAsync("/api/accounts/login", new { userName = "operator", password = "operator-demo" });
        var asOperator = await browser.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asStudent.StatusCode);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonObject>())!["operator"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Contains("text/html", asOperator.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_token_is_a_signed_jwt_that_another_deployment_refuses()
    {
        await using var first = await GatewayHost.StartAsync();
        await using var second = await GatewayHost.StartAsync();
        var token = await first.TeacherTokenAsync();

        var here = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        here.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        elsewhere.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.SendAsync(here)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.Http.SendAsync(elsewhere)).StatusCode);
    }

    [Fact]
    public async Task Gateways_given_the_same_key_accept_each_others_tokens()
    {
        var key = new Dictionary<string, string?> { ["Classroom:Gateway:SigningKey"] = Convert.ToBase64String(new byte[32]) };
        await using var first = await GatewayHost.StartAsync(key);
        await using var second = await GatewayHost.StartAsync(key);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await first.StudentTokenAsync(2));
        var me = await second.Http.SendAsync(request);

        Assert.Equal("student2", (await me.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_official_dotnet_client_joins_chats_and_receives_events_over_messagepack()
    {
        await using var host = await GatewayHost.StartAsync();
        var id = await Classrooms.ScheduleAsync(host);
        var token = await host.TeacherTokenAsync();
        var frames = System.Threading.Channels.Channel.CreateUnbounded<(List<ClassroomEvent> Events, long Through)>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/classroom"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol(o => o.SerializerOptions = HubMessagePack.Options)
            .Build();
        connection.On<List<ClassroomEvent>, long>("events", (events, through) => frames.Writer.TryWrite((events, through)));
        await connection.StartAsync();

        var joined = await connection.InvokeAsync<JoinResponse>("JoinClassroom", id, null, false);
        await connection.InvokeAsync("StartLesson", id);
        var posted = await connection.InvokeAsync<Contracts.Classrooms.ChatMessageView>("PostChat", id, "方程两边同时减去 3");
        var seen = new List<ClassroomEvent>();
        while (!seen.Any(e => e.Data is ChatPosted))
        {
            seen.AddRange((await frames.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15))).Events);
        }

        Assert.Equal("snapshot", joined.Mode);
        Assert.Equal("方程两边同时减去 3", posted.Text);
        Assert.Equal(["lesson.started", "chat.posted"], seen.Where(e => e.Seq > joined.Through).Select(e => e.Type).Where(t => t is "lesson.started" or "chat.posted"));
        Assert.Equal(posted.Text, seen.Select(e => e.Data).OfType<ChatPosted>().Single().Text);
        Assert.Equal(Enumerable.Range((int)joined.Through + 1, seen.Count).Select(i => (long)i), seen.Select(e => e.Seq));
    }
}
