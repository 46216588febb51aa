using Classroom.Gateway.Hubs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AbuseTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Refused_calls_are_expected_outcomes_and_flood_no_log()
    {
        await using var host = await GatewayHost.StartAsync();
        var id = await ScheduleAsync(host);
        await using var teacher = await host.ConnectAsync(await host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await using var student = await host.ConnectAsync(await host.StudentTokenAsync(1));
        await JoinAsync(student, id);

        using var counted = new CountedMetrics(host.Services.GetRequiredService<HubMetrics>().Meter);
        var refused = 0;
        for (var i = 0; i < 300; i++)
        {
            try
            {
                await student.InvokeAsync("PostChat", id, $"message {i}");
            }
            catch (HubError e) when (e.Message.Contains("[hub.rate-limit.chat]", StringComparison.Ordinal))
            {
                refused++;
            }
        }

        Assert.True(refused > 250, $"only {refused} of 300 calls were refused");
        Assert.DoesNotContain(host.Logs.Records, r => r.Level >= LogLevel.Error);
        var logged = host.Logs.Records.Where(r => r.Level >= LogLevel.Warning).Sum(r => r.Size);
        Assert.True(logged < 2_000, $"{logged} characters logged at Warning and above for {refused} refusals");
        Assert.Equal(refused, counted.Total("classroom.hub.refusals", ("code", "hub.rate-limit.chat")));
    }

    [Fact]
    public async Task An_oversized_message_closes_only_the_connection_that_sent_it()
    {
        var id = await ScheduleAsync(Host);
        await using var abuser = await Host.ConnectRawAsync(await Host.StudentTokenAsync(1));
        await using var bystander = await Host.ConnectAsync(await Host.StudentTokenAsync(2));
        await JoinAsync(bystander, id);

        await abuser.SendRawAsync($$"""{"type":1,"invocationId":"1","target":"PostChat","arguments":["{{id}}","{{new string('x', 40_000)}}"]}""");
        await abuser.WhenClosedAsync();

        Assert.True(abuser.IsClosed);
        Assert.Equal("snapshot", (await JoinAsync(bystander, id))["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_input_closes_only_the_connection_that_sent_it()
    {
        var id = await ScheduleAsync(Host);
        await using var abuser = await Host.ConnectRawAsync(await Host.StudentTokenAsync(1));
        await using var bystander = await Host.ConnectAsync(await Host.StudentTokenAsync(2));

        await abuser.SendRawAsync("{\"type\":1,\"target\":");
        await abuser.WhenClosedAsync();

        Assert.True(abuser.IsClosed);
        Assert.Equal("snapshot", (await JoinAsync(bystander, id))["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Arguments_of_the_wrong_shape_are_refused_and_the_connection_stays()
    {
        var id = await ScheduleAsync(Host);
        await using var client = await Host.ConnectAsync(await Host.StudentTokenAsync(3));

        await Assert.ThrowsAsync<HubError>(() => client.InvokeAsync("Vote", id, "p1", "not an array"));
        await Assert.ThrowsAsync<HubError>(() => client.InvokeAsync("JoinClassroom", id));
        await Assert.ThrowsAsync<HubError>(() => client.InvokeAsync("JoinClassroom", new string('x', 101), null, false));

        Assert.Equal("snapshot", (await JoinAsync(client, id))["mode"]!.GetValue<string>());
    }
}
