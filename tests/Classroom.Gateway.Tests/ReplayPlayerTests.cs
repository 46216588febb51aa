using System.Threading.Channels;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;
using Classroom.Gateway.Replay;
using Classroom.Grains;
using Classroom.Silo.Extensions;
using Classroom.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Classroom.Gateway.Tests;

/// <summary>Paced playback on a fake clock, against the real replay grain of a lesson recorded in a test cluster.</summary>
public sealed class ReplayPlayerTests : IAsyncLifetime
{
    private const string Teacher = "teacher-wang";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<ReplayEvents> _sent = Channel.CreateUnbounded<ReplayEvents>();
    private readonly List<long> _saved = [];
    private ClassroomTestCluster _cluster = null!;

    // The player's own clock: its pacing reads elapsed time from timestamps, which the grains' clock keeps real.
    private readonly FakeTimeProvider _clock = new();

    public async Task InitializeAsync()
    {
        _cluster = await ClassroomTestCluster.StartAsync(options => options.ConfigureSilo = silo => silo.AddClassroomGrains());
        // The lesson: chat at 10 s, 20 s and 40 s of a lesson that ends at 60 s.
        var classroom = _cluster.Client.GetGrain<IClassroomGrain>("paced");
        await classroom.ScheduleAsync(Teacher, new CoursePreview("Pacing", "math", 8, CourseType.Textbook, "", _cluster.Time.GetUtcNow(), TimeSpan.FromHours(1), Teacher));
        await classroom.StartAsync(Teacher);
        await classroom.JoinAsync(new JoinRequest(Teacher, "Teacher Wang", AccountKind.Teacher, "c1"));
        foreach (var (at, text) in new[] { (10, "ten"), (20, "twenty"), (40, "forty") })
        {
            await _cluster.AdvanceAsync(TimeSpan.FromSeconds(at) - (_cluster.Time.GetUtcNow() - (await classroom.GetSnapshotAsync(Teacher)).StartedAt!.Value));
            await classroom.PostChatAsync(Teacher, text);
        }

        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(20));
        await classroom.EndAsync(Teacher);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<ReplayPlayer> OpenAsync(ReplayRange? range = null)
    {
        var replay = _cluster.Client.GetGrain<IReplayGrain>("paced");
        var info = await replay.GetInfoAsync("s1");
        return new ReplayPlayer(info, replay, "s1", _clock, e => _sent.Writer.WriteAsync(e).AsTask(), p =>
        {
            lock (_saved)
            {
                _saved.Add(p);
            }

            return Task.CompletedTask;
        }, NullLogger.Instance, range);
    }

    /// <summary>Returns once the playback loop is waiting for the playhead to reach <paramref name="offsetMillis"/> (null: any moment).</summary>
    private static async Task WaitingForAsync(ReplayPlayer player, long? offsetMillis)
    {
        while (true)
        {
            var next = player.WhenWaitingAsync();
            if (player.WaitingForMillis is { } waiting && (offsetMillis is null || waiting == offsetMillis))
            {
                return;
            }

            try
            {
                await next.WaitAsync(Patience);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The player never waited for {offsetMillis} ms; it waits for {player.WaitingForMillis}, playhead {player.PositionMillis}, playing {player.IsPlaying}.");
            }
        }
    }

    /// <summary>The chat messages already sent; other events (presence counts, tallies) are read past.</summary>
    private string[] SentChat()
    {
        var texts = new List<string>();
        while (_sent.Reader.TryRead(out var batch))
        {
            texts.AddRange(Texts(batch));
        }

        return [.. texts];
    }

    /// <summary>The next batch that carries chat.</summary>
    private async Task<ReplayEvents> NextChatAsync()
    {
        while (true)
        {
            var batch = await _sent.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            if (Texts(batch).Length > 0 || batch.Ended)
            {
                return batch;
            }
        }
    }

    private static string[] Texts(ReplayEvents events) => events.Events.Select(e => e.Data).OfType<ChatPosted>().Select(c => c.Text).ToArray();

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Events_arrive_when_the_playhead_reaches_them_at_each_speed(double speed)
    {
        await using var player = await OpenAsync();
        await player.SeekAsync(0);
        await player.PlayAsync(speed);

        var elapsed = TimeSpan.Zero;
        foreach (var (lessonSeconds, text) in new[] { (10, "ten"), (20, "twenty"), (40, "forty") })
        {
            var due = TimeSpan.FromSeconds(lessonSeconds / speed);
            _clock.Advance(due - elapsed - TimeSpan.FromMilliseconds(1));
            await WaitingForAsync(player, lessonSeconds * 1000);
            Assert.Empty(SentChat());
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            elapsed = due;

            var batch = await NextChatAsync();

            Assert.Equal([text], Texts(batch));
            Assert.Equal(lessonSeconds * 1000, batch.PositionMillis);
        }

        await WaitingForAsync(player, 60_000);
        _clock.Advance(TimeSpan.FromSeconds(60 / speed) - elapsed);
        var end = await NextChatAsync();
        Assert.True(end.Ended);
        Assert.Equal(60_000, end.PositionMillis);
        Assert.False(player.IsPlaying);
    }

    [Fact]
    public async Task A_player_limited_to_a_range_seeks_within_it_and_ends_at_its_end()
    {
        // A micro-lesson cut from 15 s to 30 s: "twenty" is in it, "forty" after it.
        await using var player = await OpenAsync(new ReplayRange(15_000, 30_000));
        var before = await player.SeekAsync(0);
        var after = await player.SeekAsync(50_000);
        await player.SeekAsync(15_000);
        await player.PlayAsync(2);

        await WaitingForAsync(player, 20_000);
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        var twenty = await NextChatAsync();
        await WaitingForAsync(player, 30_000);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var end = await NextChatAsync();

        Assert.Equal(15_000, before.OffsetMillis);
        Assert.Equal(["ten"], before.Snapshot.Chat.Messages.Select(m => m.Text));
        Assert.Equal(30_000, after.OffsetMillis);
        Assert.Equal(["twenty"], Texts(twenty));
        Assert.True(end.Ended);
        Assert.Equal(30_000, end.PositionMillis);
        Assert.Empty(Texts(end));
        Assert.False(player.IsPlaying);
        Assert.Equal(30_000, player.PositionMillis);
    }

    [Fact]
    public async Task A_late_timer_never_takes_the_playhead_past_the_end_of_the_lesson()
    {
        await using var player = await OpenAsync();
        await player.SeekAsync(30_000);
        await player.PlayAsync(4);

        // The timer for "forty" (10 s of lesson away, 2.5 s at 4x) fires 20 s late: a busy machine, a suspended laptop.
        await WaitingForAsync(player, 40_000);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var frames = new List<ReplayEvents>();
        while (frames.Count == 0 || !frames[^1].Ended)
        {
            frames.Add(await _sent.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        }

        Assert.Equal(["forty"], frames.SelectMany(Texts));
        Assert.All(frames, f => Assert.InRange(f.PositionMillis, 40_000, 60_000));
        Assert.Equal(frames.Select(f => f.PositionMillis).Order(), frames.Select(f => f.PositionMillis));
        Assert.Equal(60_000, frames[^1].PositionMillis);
        Assert.Equal(60_000, player.PositionMillis);
    }

    [Fact]
    public async Task Pause_holds_the_playhead_and_play_resumes_from_it()
    {
        await using var player = await OpenAsync();
        await player.SeekAsync(5_000);
        await player.PlayAsync(1);
        await WaitingForAsync(player, 10_000);
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(8_000, await player.PauseAsync());
        SentChat();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(8_000, player.PositionMillis);
        Assert.False(_sent.Reader.TryRead(out _));

        await player.PlayAsync(2);
        await WaitingForAsync(player, 10_000);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var batch = await NextChatAsync();
        Assert.Equal(["ten"], Texts(batch));
        lock (_saved)
        {
            Assert.Contains(8_000L, _saved);
        }
    }

    [Fact]
    public async Task Seeking_while_playing_plays_on_from_the_new_moment_without_the_events_before_it()
    {
        await using var player = await OpenAsync();
        await player.SeekAsync(0);
        await player.PlayAsync(1);
        await WaitingForAsync(player, null);

        var frame = await player.SeekAsync(30_000);
        await WaitingForAsync(player, 40_000);

        Assert.Equal(["ten", "twenty"], frame.Snapshot.Chat.Messages.Select(m => m.Text));
        Assert.True(player.IsPlaying);
        Assert.Empty(SentChat());
        _clock.Advance(TimeSpan.FromSeconds(10));
        var batch = await NextChatAsync();
        Assert.Equal(["forty"], Texts(batch));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(8)]
    [InlineData(double.NaN)]
    public async Task Speeds_outside_half_to_four_times_are_refused(double speed)
    {
        await using var player = await OpenAsync();

        await Assert.ThrowsAsync<Contracts.Errors.ClassroomValidationException>(() => player.PlayAsync(speed));
        Assert.False(player.IsPlaying);
    }
}
