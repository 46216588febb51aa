using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Contracts.Classrooms;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class JoinDuringBurstTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Viewers_joining_while_events_flow_get_every_later_event_once_and_in_order()
    {
        var host = fixture.Host;
        var id = await ScheduleAsync(host);
        var classroom = host.Services.GetRequiredService<IClusterClient>().GetGrain<IClassroomGrain>(id);
        await classroom.StartAsync("teacher");
        await classroom.JoinAsync(new JoinRequest("teacher", "Wang Fang", AccountKind.Teacher, "burst-connection"));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => GuestTokenAsync(host)));

        using var stop = new CancellationTokenSource();
        var posting = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await classroom.PostChatAsync("teacher", $"line {n++}");
            }
        });
        var viewers = await Task.WhenAll(tokens.Select(async token =>
        {
            var client = await host.ConnectAsync(token);
            var join = await JoinAsync(client, id, asViewer: true);
            return (client, join);
        }));
        var last = Seq((await classroom.PostChatAsync("teacher", "last")).MessageId);
        await stop.CancelAsync();
        await posting;

        foreach (var (client, join) in viewers)
        {
            var events = await client.EventsThroughAsync(last);
            var seqs = events.Select(Seq).ToList();
            Assert.All(seqs, s => Assert.True(s > Through(join), $"seq {s} is not after the join's {Through(join)}"));
            Assert.Equal(seqs.Order(), seqs);
            Assert.Equal(seqs.Count, seqs.Distinct().Count());
            await client.DisposeAsync();
        }
    }

    private static async Task<string> GuestTokenAsync(GatewayHost host)
    {
        var response = await host.Http.PostAsync("/api/accounts/guest", System.Net.Http.Json.JsonContent.Create(new { displayName = "viewer" }));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
