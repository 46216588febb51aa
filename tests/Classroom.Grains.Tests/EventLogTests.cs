using System.Text;
using System.Text.Json;
using Classroom.Contracts.Accounts;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Serialization;
using Classroom.Grains.Tests.Fixtures;
using Orleans.Hosting;

namespace Classroom.Grains.Tests;

public sealed class EventLogTests
{
    [Fact]
    public async Task Subscribers_get_every_committed_event_in_batches_that_join_up_by_seq()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var batches = new BatchCollector();
        var subscriber = cluster.Client.CreateObjectReference<IClassroomObserver>(batches);
        Assert.Equal(0, await cluster.Client.GetGrain<IClassroomGrain>("streamed").SubscribeAsync(subscriber));
        var students = Enumerable.Range(1, 50).Select(i => $"s{i}").ToArray();
        var classroom = await new Lessons(cluster).LiveAsync("streamed", students);

        await Task.WhenAll(students.Select(s => classroom.PostChatAsync(s, "hello from " + s)));
        var logged = await Lessons.EventsAsync(classroom);
        // Orleans may deliver one-way messages out of order: subscribers order batches by seq.
        var delivered = (await batches.WaitForAsync(logged[^1].Seq)).OrderBy(b => b.FirstSeq).ToList();

        Assert.All(delivered.Zip(delivered.Skip(1)), pair => Assert.Equal(pair.First.LastSeq + 1, pair.Second.FirstSeq));
        Assert.All(delivered, b => Assert.Equal(Enumerable.Range((int)b.FirstSeq, b.Events.Count).Select(i => (long)i), b.Events.Select(e => e.Seq)));
        Assert.Equal(logged.Select(e => e.Seq), delivered.SelectMany(b => b.Events).Where(e => e.Audience != EventAudience.Internal).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_burst_of_votes_costs_a_handful_of_writes_not_one_per_vote()
    {
        using var storage = new ObservedEventLogStorage();
        var arrived = new CallCounter(nameof(IClassroomGrain.VoteAsync), 1000);
        await using var cluster = await ClassroomCluster.StartAsync(eventLogs: storage, silo: s => s.AddIncomingGrainCallFilter(arrived));
        var students = Enumerable.Range(1, 1000).Select(i => $"s{i}").ToArray();
        var classroom = await new Lessons(cluster).LiveAsync("burst", students);
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Pick", ["a", "b", "c"]));
        var before = storage.Appends;

        // The disk is slow until every vote has reached the grain: how the votes trickle in over a loaded machine's
        // loopback does not decide how many appends they take.
        storage.HoldAppends = arrived.Reached;
        await Task.WhenAll(students.Select((s, i) => classroom.VoteAsync(s, pollId, [i % 3])));

        var writes = storage.Appends - before;
        Assert.InRange(writes, 1, 50);
        Assert.Equal([334, 333, 333], (await classroom.GetSnapshotAsync(Lessons.Teacher)).Polls[0].Counts);
        Assert.Equal(1000, (await Lessons.EventsOfAsync<VoteCast>(classroom)).Count);
    }

    [Fact]
    public async Task Every_acknowledged_vote_is_in_the_log_after_the_host_is_killed_mid_burst()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var students = Enumerable.Range(1, 400).Select(i => $"s{i}").ToArray();
        var classroom = await new Lessons(cluster).LiveAsync("killed", students);
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Pick", ["a", "b"]));
        var acknowledged = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var votes = students.Select(async (s, i) =>
        {
            await classroom.VoteAsync(s, pollId, [i % 2]);
            if (Interlocked.Increment(ref acknowledged) == 100)
            {
                halfway.TrySetResult();
            }

            return s;
        }).ToList();
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cluster.KillAsync();
        await Task.WhenAll(votes.Select(v => v.ContinueWith(static _ => { }, TaskScheduler.Default)));
        var acked = votes.Where(v => v.IsCompletedSuccessfully).Select(v => v.Result).ToHashSet();

        var rebuilt = cluster.Client.GetGrain<IClassroomGrain>("killed");
        var logged = await Lessons.EventsOfAsync<VoteCast>(rebuilt);
        Assert.True(acked.Count >= 100);
        Assert.Subset(logged.Select(v => v.StudentId).ToHashSet(), acked);
        Assert.Equal(logged.Count, (await rebuilt.GetSnapshotAsync(Lessons.Teacher)).Polls[0].Voters);
        var all = await Lessons.EventsAsync(rebuilt, Lessons.Teacher);
        await rebuilt.AddMarkerAsync(Lessons.Teacher, "after the crash");
        var next = (await rebuilt.GetEventsAsync(Lessons.Teacher, all[^1].Seq, 10)).Events.Single();
        Assert.Equal(all[^1].Seq + 1, next.Seq);
    }

    [Fact]
    public async Task Reactivation_folds_the_log_tail_onto_the_stored_snapshot_and_matches_the_live_state()
    {
        using var storage = new ObservedEventLogStorage();
        await using var cluster = await ClassroomCluster.StartAsync(o => o.SnapshotEvery = 10, eventLogs: storage);
        var classroom = await new Lessons(cluster).LiveAsync("snapshotted", "s1", "s2", "s3");
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Pick", ["a", "b"], CorrectOptions: [1]));
        await classroom.VoteAsync("s1", pollId, [1]);
        await classroom.RaiseHandAsync("s2");
        await classroom.MuteAsync(Lessons.Teacher, "s3");
        for (var i = 0; i < 12; i++)
        {
            await classroom.PostChatAsync("s1", $"line {i}");
        }

        var live = Json(await classroom.GetSnapshotAsync(Lessons.Teacher));
        var stored = await cluster.ReadStoredStateAsync(GrainId.Create("classroom", "snapshotted"), "classroom");
        var storedSeq = JsonDocument.Parse(stored!).RootElement.GetProperty("seq").GetInt64();
        await cluster.KillAsync();

        var rebuilt = Json(await cluster.Client.GetGrain<IClassroomGrain>("snapshotted").GetSnapshotAsync(Lessons.Teacher));

        Assert.Equal(live, rebuilt);
        Assert.True(storedSeq >= 10, $"a snapshot should have been stored, found seq {storedSeq}");
        Assert.Equal(storedSeq, storage.LastReadAfter);
    }

    [Fact]
    public async Task Guests_who_left_are_forgotten_while_students_who_left_are_kept_for_attendance()
    {
        await using var cluster = await ClassroomCluster.StartAsync(o => o.SnapshotEvery = 10);
        var lessons = new Lessons(cluster);
        var classroom = await lessons.LiveAsync("passers-by", "s1");
        await classroom.LeaveAsync("s1", "s1-c1");
        for (var i = 0; i < 30; i++)
        {
            var guest = $"{GuestIds.Prefix}{i:D4}";
            await classroom.JoinAsync(new JoinRequest(guest, $"访客{i}", AccountKind.Guest, $"guest-connection-{i}"));
            await classroom.LeaveAsync(guest, $"guest-connection-{i}");
        }

        await classroom.PostChatAsync(Lessons.Teacher, "a last event, so a snapshot is stored after the guests left");
        var stored = Encoding.UTF8.GetString((await cluster.ReadStoredStateAsync(GrainId.Create("classroom", "passers-by"), "classroom"))!);
        await cluster.KillAsync();
        var rebuilt = await cluster.Client.GetGrain<IClassroomGrain>("passers-by").GetSnapshotAsync(Lessons.Teacher);

        Assert.DoesNotContain(GuestIds.Prefix, stored);
        Assert.Contains("\"s1\"", stored);
        Assert.Equal(1, rebuilt.Presence.Present);
    }

    [Fact]
    public async Task An_event_type_from_a_newer_build_is_skipped_and_the_lesson_goes_on()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var classroom = await new Lessons(cluster).LiveAsync("future", "s1");
        var last = (await Lessons.EventsAsync(classroom))[^1].Seq;
        var future = $$$"""{"classroomId":"future","seq":{{{last + 1}}},"at":"2026-11-22T10:00:00+00:00","type":"chat.reaction","audience":"everyone","data":{"emoji":"👍"}}""";
        await cluster.KillAsync();
        await cluster.EventLogs.AppendAsync(GrainId.Create("classroom", "future"), "events", last + 1, [Encoding.UTF8.GetBytes(future)], default);

        classroom = cluster.Client.GetGrain<IClassroomGrain>("future");
        var message = await classroom.PostChatAsync("s1", "still here");
        var events = await Lessons.EventsAsync(classroom);

        Assert.Equal(last + 2, (await classroom.GetSnapshotAsync("s1")).Seq);
        var unknown = Assert.IsType<UnknownEventData>(events.Single(e => e.Seq == last + 1).Data);
        Assert.Equal("chat.reaction", unknown.Type);
        Assert.Equal("still here", message.Text);
    }

    [Fact]
    public async Task A_failed_commit_fails_the_action_and_the_classroom_recovers_from_its_log()
    {
        using var storage = new ObservedEventLogStorage();
        await using var cluster = await ClassroomCluster.StartAsync(eventLogs: storage);
        var classroom = await new Lessons(cluster).LiveAsync("disk-full", "s1");

        storage.FailAppends = true;
        var error = await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.PostChatAsync("s1", "lost"));
        storage.FailAppends = false;
        await cluster.WhenIdleAsync();

        await classroom.PostChatAsync("s1", "kept");
        Assert.Equal(Refusals.LessonRecovering, error.Code);
        Assert.Equal(["kept"], (await classroom.GetSnapshotAsync("s1")).Chat.Messages.Select(m => m.Text));
        var events = await Lessons.EventsAsync(classroom);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Events_are_paged_by_sequence_number_and_bad_ranges_are_refused()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var classroom = await new Lessons(cluster).LiveAsync("paged", "s1");
        for (var i = 0; i < 20; i++)
        {
            await classroom.PostChatAsync("s1", $"line {i}");
        }

        var first = await classroom.GetEventsAsync("s1", 0, 10);
        var second = await classroom.GetEventsAsync("s1", first.ThroughSeq, 1000);

        Assert.Equal((10, true), (first.ThroughSeq, first.HasMore));
        Assert.False(second.HasMore);
        Assert.Equal(Enumerable.Range(11, (int)(second.ThroughSeq - 10)).Select(i => (long)i), second.Events.Select(e => e.Seq));
        Assert.Empty((await classroom.GetEventsAsync("s1", second.ThroughSeq, 10)).Events);
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.GetEventsAsync("s1", -1, 10));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.GetEventsAsync("s1", 0, 0));
    }

    private static string Json(ClassroomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ClassroomSnapshot);
}
