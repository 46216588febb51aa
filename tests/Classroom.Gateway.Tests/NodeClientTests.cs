using System.Diagnostics;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>The official @microsoft/signalr client (npm, under Node) against the gateway: see tests/node/classroom-client.mjs.</summary>
[Collection(GatewayCollection.Name)]
public sealed class NodeClientTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_official_javascript_client_joins_chats_votes_and_receives_events_in_order()
    {
        var id = await Classrooms.ScheduleAsync(fixture.Host);
        var folder = Path.Combine(Repository.Root, "tests", "node");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "signalr")),
            "tests/node has no node_modules: run ./test.sh (it installs them) or 'npm install --no-package-lock' there.");

        var start = new ProcessStartInfo("node", ["classroom-client.mjs", fixture.Host.BaseAddress.ToString(), id])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}:\n{await output}\n{await error}");
        Assert.StartsWith("ok:", await output);
    }
}
