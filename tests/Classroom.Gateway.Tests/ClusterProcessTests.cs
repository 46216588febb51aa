using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;
using StackExchange.Redis;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

/// <summary>Five processes on two cores, and failure detection measured in half-seconds: these run alone.</summary>
[CollectionDefinition(nameof(ClusterProcessTests), DisableParallelization = true)]
public sealed class ClusterProcessCollection;

/// <summary>
/// The product as separate processes: silos and gateways in cluster mode over a real redis-server and PostgreSQL. A silo
/// is killed with SIGKILL, Redis is restarted empty, and every viewer on either gateway must still see each
/// acknowledged event exactly once, in seq order, with nothing missing that it was allowed to see.
/// </summary>
[Collection(nameof(ClusterProcessTests))]
public sealed class ClusterProcessTests
{
    [Fact]
    public async Task Killing_the_silo_of_a_live_lesson_moves_it_without_losing_an_acknowledged_event_or_a_seq()
    {
        await using var cluster = await ClusterProcesses.StartAsync(silos: 3, gateways: 2);
        var (a, b) = (cluster.Gateways[0], cluster.Gateways[1]);
        var lesson = await LiveLessonAsync(a, b);
        var acknowledged = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            acknowledged.Add(await ChatAsync(lesson.Teacher, lesson.Id, $"before {i}"));
            acknowledged.Add(await ChatAsync(lesson.Students[i % 2], lesson.Id, $"student before {i}"));
        }

        var owner = await OwnerProcessAsync(cluster, lesson.Id);
        var clock = Stopwatch.StartNew();
        owner.Kill();

        // The next action waits for the silo to be declared dead, then runs on another silo rebuilt from the log.
        await cluster.ExplainFailureAsync(async () => acknowledged.Add(await ChatAsync(lesson.Students[1], lesson.Id, "after the kill")));
        var failover = clock.Elapsed;
        for (var i = 0; i < 4; i++)
        {
            acknowledged.Add(await ChatAsync(lesson.Students[i % 2], lesson.Id, $"after {i}"));
            acknowledged.Add(await ChatAsync(lesson.Teacher, lesson.Id, $"teacher after {i}"));
        }

        Assert.NotEqual(owner, await OwnerProcessAsync(cluster, lesson.Id));
        Assert.True(failover < TimeSpan.FromSeconds(10), $"the lesson took {failover} to accept actions again");
        await cluster.ExplainFailureAsync(() => AssertEveryViewerSawEverythingAsync(lesson, acknowledged));
    }

    [Fact]
    public async Task A_lesson_carries_on_through_a_Redis_restart_and_viewers_catch_up_on_what_the_outage_dropped()
    {
        await using var cluster = await ClusterProcesses.StartAsync(silos: 2, gateways: 2);
        var (a, b) = (cluster.Gateways[0], cluster.Gateways[1]);
        var lesson = await LiveLessonAsync(a, b);
        var acknowledged = new List<long> { await ChatAsync(lesson.Teacher, lesson.Id, "before") };

        // With Redis down, the membership table cannot change, but calls and the classroom's events still flow between
        // the processes that already know each other.
        cluster.Redis.Kill();
        for (var i = 0; i < 3; i++)
        {
            acknowledged.Add(await ChatAsync(lesson.Students[i % 2], lesson.Id, $"during {i}"));
        }

        await cluster.Redis.LaunchAsync();
        for (var i = 0; i < 3; i++)
        {
            acknowledged.Add(await ChatAsync(lesson.Students[i % 2], lesson.Id, $"after {i}"));
        }

        await cluster.ExplainFailureAsync(() => AssertEveryViewerSawEverythingAsync(lesson, acknowledged));
        foreach (var gateway in cluster.Gateways)
        {
            Assert.True((await gateway.Http.GetAsync("/health")).IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task A_token_from_one_gateway_works_on_the_other_and_operators_see_every_silo_on_the_dashboard()
    {
        await using var cluster = await ClusterProcesses.StartAsync(silos: 2, gateways: 2);
        var (a, b) = (cluster.Gateways[0], cluster.Gateways[1]);
        var token = await a.TokenAsync("student1", "student-demo");
        await using var onB = await b.ConnectAsync(token);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = b.BaseAddress };

        (await browser.PostAsJsonAsync("/api/accounts/login", new { userName = "operator", password = "operator-demo" })).EnsureSuccessStatusCode();
        var counters = await browser.GetFromJsonAsync<JsonObject>("/dashboard/DashboardCounters");

        var joined = await Classrooms.JoinAsync(onB, "demo-linear-equations");

        Assert.Equal("snapshot", joined["mode"]!.GetValue<string>());
        Assert.Equal(2, counters!["totalActiveHostCount"]!.GetValue<int>());
    }

    private sealed record Viewer(HubTestClient Client, GatewayProcess Gateway, string Token, long JoinedAt);

    private sealed record LiveLesson(string Id, HubTestClient Teacher, HubTestClient[] Students, List<Viewer> Viewers);

    /// <summary>A started lesson: the teacher and a student on gateway A, two students on gateway B.</summary>
    private static async Task<LiveLesson> LiveLessonAsync(GatewayProcess a, GatewayProcess b)
    {
        var teacherToken = await a.TokenAsync("teacher", "teacher-demo");
        using var http = GatewayHost.CreateClient(a.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", teacherToken);
        var response = await http.PostAsJsonAsync("/api/lessons", new
        {
            title = "Linear equations", subject = "math", grade = 8, courseType = "textbook", description = "",
            startsAt = "2030-06-01T14:30:00+08:00", duration = "01:00:00",
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["classroomId"]!.GetValue<string>();

        var viewers = new List<Viewer>();
        async Task<HubTestClient> JoinAsync(GatewayProcess gateway, string token)
        {
            var client = await gateway.ConnectAsync(token);
            var join = await Classrooms.JoinAsync(client, id);
            viewers.Add(new Viewer(client, gateway, token, Through(join)));
            return client;
        }

        var teacher = await JoinAsync(a, teacherToken);
        await teacher.InvokeAsync("StartLesson", id);
        var students = new[]
        {
            await JoinAsync(a, await a.TokenAsync("student1", "student-demo")),
            await JoinAsync(b, await b.TokenAsync("student2", "student-demo")),
            await JoinAsync(b, await b.TokenAsync("student3", "student-demo")),
        };
        return new LiveLesson(id, teacher, students, viewers);
    }

    private static async Task<long> ChatAsync(HubTestClient client, string id, string text) =>
        Seq((await client.InvokeAsync("PostChat", id, text))!["messageId"]!.GetValue<string>());

    /// <summary>The silo process hosting the classroom, as Orleans' management grain says (silo addresses carry the port).</summary>
    private static async Task<ChildProcess> OwnerProcessAsync(ClusterProcesses cluster, string id)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .UseOrleansClient(client => client
                .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ClusterId))
                .UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(cluster.Redis.Configuration)))
            .Build();
        await host.StartAsync();
        var orleans = host.Services.GetRequiredService<IClusterClient>();
        var silo = await orleans.GetGrain<IManagementGrain>(0).GetActivationAddress(orleans.GetGrain<Contracts.Classrooms.IClassroomGrain>(id))
            ?? throw new InvalidOperationException($"No silo hosts classroom {id}.");
        await host.StopAsync();
        return cluster.SiloPorts.Single(s => s.Value == silo.Endpoint.Port).Key;
    }

    /// <summary>
    /// Each viewer's frames, from its join to the end, against what a fresh connection of the same user resuming from the
    /// same seq is given: the same events, in seq order, none twice; and every acknowledged chat among them.
    /// </summary>
    private static async Task AssertEveryViewerSawEverythingAsync(LiveLesson lesson, List<long> acknowledged)
    {
        foreach (var viewer in lesson.Viewers)
        {
            await using var fresh = await viewer.Gateway.ConnectAsync(viewer.Token);
            var resumed = await Classrooms.JoinAsync(fresh, lesson.Id, viewer.JoinedAt);
            Assert.Equal("resume", resumed["mode"]!.GetValue<string>());
            var expected = resumed["events"]!.AsArray().Select(e => Seq(e!)).ToList();
            var through = Through(resumed);

            // Frames carry only what the viewer may see: the last of those is where the comparison ends.
            var seen = new List<long>();
            var last = viewer.JoinedAt;
            while (last < (expected.Count > 0 ? expected[^1] : viewer.JoinedAt))
            {
                (string Target, JsonArray Arguments) call;
                try
                {
                    call = await viewer.Client.NextCallAsync();
                }
                catch (TimeoutException)
                {
                    throw new Xunit.Sdk.XunitException(
                        $"A viewer on {viewer.Gateway.Process.Name} saw {string.Join(",", seen)} after {viewer.JoinedAt}, expected {string.Join(",", expected)}:\n{viewer.Gateway.Process.Output}");
                }

                var (target, arguments) = call;
                Assert.Equal("events", target);
                foreach (var e in arguments[0]!.AsArray())
                {
                    Assert.True(Seq(e!) > (seen.Count == 0 ? viewer.JoinedAt : seen[^1]), $"seq {Seq(e!)} arrived out of order or twice");
                    seen.Add(Seq(e!));
                }

                last = arguments[1]!.GetValue<long>();
            }

            Assert.Equal(expected, seen.Where(s => s <= through));
            Assert.All(acknowledged, seq => Assert.Contains(seq, seen));
        }
    }
}
