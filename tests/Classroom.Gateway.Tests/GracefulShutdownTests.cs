using Classroom.Gateway.Tests.Fixtures;
using Microsoft.AspNetCore.SignalR.Client;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

/// <summary>A gateway that is stopped (a deployment, SIGTERM) tells its viewers to reconnect, and loses nothing acknowledged.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_gateway_that_stops_tells_its_viewers_to_reconnect_and_keeps_what_it_acknowledged()
    {
        var host = await GatewayHost.StartAsync();
        try
        {
            var id = await ScheduleAsync(host);
            var token = await host.StudentTokenAsync(1);
            await using var teacher = await host.ConnectAsync(await host.TeacherTokenAsync());
            await JoinAsync(teacher, id);
            await teacher.InvokeAsync("StartLesson", id);
            var acknowledged = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                acknowledged.Add((await teacher.InvokeAsync("PostChat", id, $"line {i}"))!["messageId"]!.GetValue<string>());
            }

            // The official client, set to reconnect by itself: it must hear "reconnect", not "goodbye".
            var viewer = new HubConnectionBuilder()
                .WithUrl(new Uri(host.BaseAddress, $"/hubs/classroom?lang={GatewayHost.TestLanguage}"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .WithAutomaticReconnect([TimeSpan.FromMinutes(5)])
                .Build();
            await using var _ = viewer;
            var reconnecting = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            viewer.Reconnecting += _ => Task.FromResult(reconnecting.TrySetResult(true));
            viewer.Closed += _ => Task.FromResult(reconnecting.TrySetResult(false));
            await viewer.StartAsync();
            await viewer.InvokeAsync<object>("JoinClassroom", id, null, false);

            await host.StopAsync();

            Assert.True(await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(30)), "the viewer was closed for good instead of told to reconnect");
            var logged = await host.RestartedLogAsync(id);
            Assert.All(acknowledged, messageId => Assert.Contains(Seq(messageId), logged));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
