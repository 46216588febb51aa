using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit.Chaos;
using Xunit.Abstractions;

namespace Classroom.Gateway.Tests;

/// <summary>
/// The chaos run, short (the minutes-long one is <c>bench -- chaos</c>): a lesson on 3 silo and 2 gateway processes while
/// silos are killed and replaced, a gateway is restarted, and Redis and PostgreSQL are restarted.
/// </summary>
[Collection(nameof(ClusterProcessTests))]
public sealed class ChaosTests(ITestOutputHelper output)
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    [Fact]
    public async Task Under_faults_nothing_acknowledged_is_lost_and_no_viewer_misses_or_repeats_an_event()
    {
        var report = await ChaosRun.RunAsync(new ChaosOptions(
            Path.Combine(Repository.Root, "silo", "Classroom.Silo", "bin", Configuration, "net10.0", "Classroom.Silo.dll"),
            Path.Combine(Repository.Root, "gateway", "Classroom.Gateway", "bin", Configuration, "net10.0", "Classroom.Gateway.dll"),
            Viewers: 40, Voters: 4, Duration: TimeSpan.FromSeconds(45), SiloKillEvery: TimeSpan.FromSeconds(15)), output.WriteLine);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(report));

        Assert.True(report.AcknowledgedChats > 20, $"only {report.AcknowledgedChats} chats were acknowledged");
        Assert.True(report.AcknowledgedVotes > 20, $"only {report.AcknowledgedVotes} votes were acknowledged");
        Assert.Equal(0, report.AcknowledgedMissingFromLog);
        Assert.Equal(0, report.DuplicatesInLog);
        Assert.Equal(0, report.ViewersWithGap);
        Assert.Equal(0, report.ViewersWithDuplicate);
    }
}
