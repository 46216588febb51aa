using System.Text.Json;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Serialization;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

/// <summary>Two silos: a lesson whose silo dies comes back on the other one, rebuilt from what was durable.</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task A_lesson_whose_silo_is_killed_carries_on_on_another_with_every_acknowledged_event()
    {
        await using var cluster = await ClassroomCluster.StartAsync(silos: 2);
        var classroom = await new Lessons(cluster).LiveAsync("moved", "s1", "s2");
        var acknowledged = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            acknowledged.Add((await classroom.PostChatAsync(i % 2 == 0 ? "s1" : "s2", $"line {i}")).MessageId);
        }

        // Development clustering keeps its membership table on the primary silo: the lesson moves to the other one first,
        // and that one is killed.
        var secondary = cluster.Orleans.SecondarySilos.Single();
        await cluster.Orleans.MigrateAsync(classroom, secondary.SiloAddress);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        Assert.Equal(secondary.SiloAddress, await management.GetActivationAddress(classroom));
        var before = Json(await classroom.GetSnapshotAsync(Lessons.Teacher));
        await cluster.Orleans.KillSiloAsync(secondary);

        var after = await classroom.GetSnapshotAsync(Lessons.Teacher);
        var next = await classroom.PostChatAsync("s1", "after the kill");

        Assert.Equal(cluster.Orleans.Primary!.SiloAddress, await management.GetActivationAddress(classroom));
        Assert.Equal(before, Json(after));
        Assert.Equal(acknowledged, after.Chat.Messages.Select(m => m.MessageId));
        Assert.Equal(after.Seq + 1, long.Parse(next.MessageId[1..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Json(ClassroomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ClassroomSnapshot);
}
