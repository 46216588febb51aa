using Classroom.Contracts.Classrooms;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task Rejoining_within_the_window_gets_exactly_the_missed_events_and_beyond_it_a_snapshot()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Gateway:ResumeWindow"] = "5" });
        var id = await ScheduleAsync(host);
        var studentToken = await host.StudentTokenAsync(1);
        await using var teacher = await host.ConnectAsync(await host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        long lastSeen;
        await using (var first = await host.ConnectAsync(studentToken))
        {
            lastSeen = Through(await JoinAsync(first, id));
        }

        await teacher.InvokeAsync("PostChat", id, "while you were away 1");
        await teacher.InvokeAsync("PostChat", id, "while you were away 2");
        await using var second = await host.ConnectAsync(studentToken);
        var resumed = await JoinAsync(second, id, lastSeen);

        Assert.Equal("resume", resumed["mode"]!.GetValue<string>());
        Assert.Null(resumed["snapshot"]);
        var missed = resumed["events"]!.AsArray();
        Assert.Equal(["while you were away 1", "while you were away 2"], missed.Where(e => Type(e!) == "chat.posted").Select(e => e!["data"]!["text"]!.GetValue<string>()));
        Assert.All(missed, e => Assert.True(Seq(e!) > lastSeen && Seq(e!) <= Through(resumed)));
        Assert.Equal(missed.Select(e => Seq(e!)).Order(), missed.Select(e => Seq(e!)));

        var live = (await teacher.InvokeAsync("PostChat", id, "and now live"))!["messageId"]!.GetValue<string>();
        var next = await second.EventsThroughAsync(Seq(live));
        Assert.Equal(Seq(live), Seq(Assert.Single(next)));

        for (var i = 0; i < 6; i++)
        {
            await host.Services.GetRequiredService<IClusterClient>().GetGrain<IClassroomGrain>(id).PostChatAsync("teacher", $"flood {i}");
        }

        await using var third = await host.ConnectAsync(studentToken);
        var fresh = await JoinAsync(third, id, Through(resumed));
        Assert.Equal("snapshot", fresh["mode"]!.GetValue<string>());
        Assert.Equal(Through(fresh), fresh["snapshot"]!["seq"]!.GetValue<long>());
        Assert.Equal("snapshot", (await JoinAsync(third, id, 1_000_000))["mode"]!.GetValue<string>());
    }
}

/// <summary>Timing matters here (a stalled write is measured in real time): these run alone, not beside other collections.</summary>
[CollectionDefinition(nameof(SlowViewerTests), DisableParallelization = true)]
public sealed class SlowViewerCollection;

[Collection(nameof(SlowViewerTests))]
public sealed class SlowViewerTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Classroom:Gateway:MaxPendingFrames"] = "16",
        ["Classroom:Gateway:MaxWriteStall"] = "00:00:03",
        ["Classroom:Gateway:SlowViewerTimeout"] = "00:00:01",
    };

    [Fact]
    public async Task A_viewer_that_stops_reading_is_cut_off_without_delaying_the_others()
    {
        await using var host = await GatewayHost.StartAsync(Settings);
        var (classroom, id) = await LiveLessonAsync(host);
        // A raw socket: the official client keeps reading while its handlers wait, and this viewer must stop reading.
        await using var slow = await host.ConnectRawAsync(await host.StudentTokenAsync(1));
        await using var good = await host.ConnectAsync(await host.StudentTokenAsync(2));
        await JoinAsync(slow, id);
        var from = Through(await JoinAsync(good, id));

        slow.PauseReading();
        var flooded = await FloodUntilAsync(classroom, () => Membership(host, id, "student1")?.State is not MembershipState.Live, () => Describe(Membership(host, id, "student1")));
        // Cut off once it has lagged longer than SlowViewerTimeout (1 s).
        var lagging = Membership(host, id, "student1");
        Assert.NotNull(lagging);
        await lagging.Viewer.WhenClosedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var received = await good.EventsThroughAsync(flooded.Last);
        slow.ResumeReading();
        await slow.WhenClosedAsync();

        Assert.Equal(flooded.Messages, received.Count(e => Type(e) == "chat.posted"));
        // Everything the good viewer may see, in order: the slow viewer's leave is not among it (a student who was not
        // registered leaves quietly), and it may land anywhere in the flood.
        Assert.Equal(await VisibleSeqsAsync(classroom, "student2", from, received.Max(Seq)), received.Select(Seq));
        Assert.True(slow.IsClosed);
    }

    [Fact]
    public async Task A_viewer_that_falls_behind_and_recovers_is_told_to_resync_and_catches_up_by_rejoining()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>(Settings) { ["Classroom:Gateway:SlowViewerTimeout"] = "00:05:00" });
        var (classroom, id) = await LiveLessonAsync(host);
        await using var lagging = await host.ConnectRawAsync(await host.StudentTokenAsync(1));
        await using var good = await host.ConnectAsync(await host.StudentTokenAsync(2));
        await JoinAsync(lagging, id);
        await JoinAsync(good, id);

        lagging.PauseReading();
        var flooded = await FloodUntilAsync(classroom, () => Membership(host, id, "student1")?.State == MembershipState.Lagging, () => Describe(Membership(host, id, "student1")));
        await good.EventsThroughAsync(flooded.Last);
        lagging.ResumeReading();

        long lastSeen = 0;
        while (true)
        {
            var (target, arguments) = await lagging.NextCallAsync();
            if (target == "resync")
            {
                Assert.Equal(id, arguments[0]!.GetValue<string>());
                Assert.Equal(lastSeen, arguments[1]!.GetValue<long>());
                break;
            }

            lastSeen = arguments[1]!.GetValue<long>();
        }

        // Rejoining from the last seq it saw fills the gap: the missed events if few enough, else a snapshot.
        var rejoined = await JoinAsync(lagging, id, lastSeen);
        if (rejoined["mode"]!.GetValue<string>() == "resume")
        {
            var missed = rejoined["events"]!.AsArray().Select(e => Seq(e!)).ToList();
            Assert.Equal(Enumerable.Range((int)lastSeen + 1, missed.Count).Select(i => (long)i), missed);
        }
        else
        {
            Assert.Equal(Through(rejoined), rejoined["snapshot"]!["seq"]!.GetValue<long>());
        }

        Assert.True(Through(rejoined) >= flooded.Last);
        var tail = (await classroom.PostChatAsync("teacher", "after the resync")).MessageId;
        Assert.Equal(Seq(tail), Seq(Assert.Single(await lagging.EventsThroughAsync(Seq(tail)))));
    }

    private static async Task<(IClassroomGrain, string)> LiveLessonAsync(GatewayHost host)
    {
        var id = await ScheduleAsync(host);
        var classroom = host.Services.GetRequiredService<IClusterClient>().GetGrain<IClassroomGrain>(id);
        await classroom.StartAsync("teacher");
        await classroom.JoinAsync(new JoinRequest("teacher", "Wang Fang", AccountKind.Teacher, "flooding-connection"));
        return (classroom, id);
    }

    /// <summary>What a membership was doing, for a failure message.</summary>
    private static string Describe(Membership? membership) => membership is null
        ? "no membership"
        : $"membership {membership.State}, through seq {membership.Through}, lagging since {membership.LaggingSince?.ToString("O") ?? "never"}";

    /// <summary>A user's membership in a classroom on this gateway, or null once its connection is gone.</summary>
    private static Membership? Membership(GatewayHost host, string classroomId, string userId) =>
        host.Services.GetRequiredService<ViewerRegistry>().All
            .Where(v => v.User.UserId == userId)
            .Select(v => v.Memberships.GetValueOrDefault(classroomId))
            .FirstOrDefault(m => m is not null);

    /// <summary>
    /// Posts long chat messages as the teacher, straight to the grain, in rounds of 2,000 until <paramref name="until"/>
    /// holds (at most 60 rounds): how much it takes to back a connection up depends on the kernel's socket buffers.
    /// </summary>
    private static async Task<(int Messages, long Last)> FloodUntilAsync(IClassroomGrain classroom, Func<bool> until, Func<string>? describe = null)
    {
        var text = new string('x', 480);
        var sent = 0;
        long last = 0;
        for (var round = 0; round < 60 && !until(); round++)
        {
            var messages = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => classroom.PostChatAsync("teacher", $"{sent + i} {text}")));
            sent += messages.Length;
            last = messages.Max(m => Seq(m.MessageId));
        }

        Assert.True(until(), $"the connection never backed up after {sent} messages (through seq {last}): {describe?.Invoke()}");
        return (sent, last);
    }

    private static async Task<List<long>> VisibleSeqsAsync(IClassroomGrain classroom, string viewer, long after, long through)
    {
        var seqs = new List<long>();
        while (after < through)
        {
            var page = await classroom.GetEventsAsync(viewer, after, 1000);
            seqs.AddRange(page.Events.Select(e => e.Seq).Where(seq => seq <= through));
            after = page.ThroughSeq;
            if (!page.HasMore)
            {
                break;
            }
        }

        return seqs;
    }
}
