using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;

namespace Classroom.Gateway.Replay;

/// <summary>
/// One viewer's playback of one replay: a playhead that moves at 0.5x to 4x of the lesson's pace while playing, and a
/// loop that sends each event when the playhead reaches its moment (events falling due together go as one batch).
/// Seeking, pausing and changing speed stop the loop and start it afresh from the new playhead. Time comes from the
/// injected clock, so tests move a fake one. Positions are reported to <c>save</c> on pause, seek, close and every
/// <see cref="SaveEvery"/> of playing. A player limited to a <see cref="ReplayRange"/> (a micro-lesson) seeks only
/// within it and ends at its end as at the end of the lesson.
/// </summary>
internal sealed class ReplayPlayer : IAsyncDisposable
{
    public const double MinSpeed = 0.5;
    public const double MaxSpeed = 4;
    public static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LiveEdgePoll = TimeSpan.FromSeconds(1);
    private const int PageSize = 500;

    private readonly IReplayGrain _replay;
    private readonly string _viewerId;
    private readonly TimeProvider _time;
    private readonly Func<ReplayEvents, Task> _send;
    private readonly Func<long, Task>? _save;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _startedAt;
    private readonly ReplayRange? _range;
    private DateTimeOffset? _endedAt;
    private long _anchorMillis;
    private long _anchorTimestamp;
    private double _speed = 1;
    private bool _playing;
    private long _afterSeq;
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private TaskCompletionSource _waiting = NewSignal();
    private long _waitingFor = -1;

    public ReplayPlayer(
        ReplayInfo info, IReplayGrain replay, string viewerId, TimeProvider time, Func<ReplayEvents, Task> send, Func<long, Task>? save, ILogger logger,
        ReplayRange? range = null)
    {
        _logger = logger;
        Info = info;
        _replay = replay;
        _viewerId = viewerId;
        _time = time;
        _send = send;
        _save = save;
        _startedAt = info.StartedAt;
        _range = range;
        _endedAt = EndOf(info);
        _anchorMillis = range?.FromMillis ?? 0;
    }

    public ReplayInfo Info { get; }

    public string ClassroomId => Info.ClassroomId;

    public bool IsPlaying
    {
        get
        {
            lock (_lock)
            {
                return _playing;
            }
        }
    }

    /// <summary>The playhead, in milliseconds since the lesson started.</summary>
    public long PositionMillis
    {
        get
        {
            lock (_lock)
            {
                return Playhead();
            }
        }
    }

    /// <summary>Completes when the loop next waits for the playhead to reach an event (or the live edge to move): for tests.</summary>
    public Task WhenWaitingAsync() => _waiting.Task;

    /// <summary>The moment the loop is waiting for the playhead to reach, if it is waiting: for tests.</summary>
    public long? WaitingForMillis => Interlocked.Read(ref _waitingFor) is var millis and >= 0 ? millis : null;

    /// <summary>Shows the classroom at <paramref name="offsetMillis"/>; if playing, plays on from there.</summary>
    public async Task<ReplayFrame> SeekAsync(long offsetMillis)
    {
        var wasPlaying = await StopLoopAsync();
        if (_range is { } range && offsetMillis >= 0)
        {
            offsetMillis = Math.Clamp(offsetMillis, range.FromMillis, range.ToMillis);
        }

        var frame = await _replay.SeekAsync(_viewerId, offsetMillis);
        lock (_lock)
        {
            _afterSeq = frame.Snapshot.Seq;
            Anchor(frame.OffsetMillis);
        }

        await SaveAsync(frame.OffsetMillis);
        if (wasPlaying)
        {
            StartLoop();
        }

        return frame;
    }

    /// <summary>Plays from the playhead at <paramref name="speed"/> (0.5 to 4); playing already, it changes speed.</summary>
    public async Task PlayAsync(double speed)
    {
        if (double.IsNaN(speed) || speed < MinSpeed || speed > MaxSpeed)
        {
            throw new ClassroomValidationException(Refusals.ReplaySpeedRange, MinSpeed, MaxSpeed);
        }

        await StopLoopAsync();
        lock (_lock)
        {
            Anchor(Playhead());
            _speed = speed;
        }

        StartLoop();
    }

    /// <summary>Stops the playhead where it is and returns it.</summary>
    public async Task<long> PauseAsync()
    {
        await StopLoopAsync();
        var position = PositionMillis;
        await SaveAsync(position);
        return position;
    }

    public async ValueTask DisposeAsync()
    {
        if (await StopLoopAsync())
        {
            await SaveAsync(PositionMillis);
        }
    }

    private void StartLoop()
    {
        lock (_lock)
        {
            Anchor(Playhead());
            _playing = true;
            _stop = new CancellationTokenSource();
            _loop = RunAsync(_stop.Token);
        }
    }

    /// <summary>Stops the loop, freezing the playhead; true if it was playing.</summary>
    private async Task<bool> StopLoopAsync()
    {
        Task loop;
        bool wasPlaying;
        lock (_lock)
        {
            wasPlaying = _playing;
            Anchor(Playhead());
            _playing = false;
            _stop?.Cancel();
            _stop = null;
            loop = _loop;
        }

        await loop;
        return wasPlaying;
    }

    private async Task RunAsync(CancellationToken cancellation)
    {
        // Off the caller's turn: the hub call that started playback returns at once.
        await Task.Yield();
        var lastSaved = _time.GetTimestamp();
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var page = await _replay.GetEventsAsync(_viewerId, Volatile.Read(ref _afterSeq), PageSize);
                if (!await DeliverAsync(page, cancellation))
                {
                    return;
                }

                if (_time.GetElapsedTime(lastSaved) >= SaveEvery)
                {
                    lastSaved = _time.GetTimestamp();
                    await SaveAsync(PositionMillis);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Paused, sought or closed: the playhead stays where it was frozen.
        }
        catch (Exception e)
        {
            // The connection went away or the silo refused: playback stops where it is; the viewer can seek or play again.
            lock (_lock)
            {
                Anchor(Playhead());
                _playing = false;
            }

            ReplayLog.PlaybackStopped(_logger, e, ClassroomId, _viewerId);
        }
    }

    /// <summary>Sends a page's events as the playhead reaches them; false once playback has nothing more to play.</summary>
    private async Task<bool> DeliverAsync(ClassroomEventPage page, CancellationToken cancellation)
    {
        var events = page.Events;
        var next = 0;
        while (next < events.Count)
        {
            if (_endedAt is { } endedAt && events[next].At > endedAt)
            {
                // What follows the end (leaves, ratings given days later) is not part of the lesson's timeline.
                return await FinishAsync(Millis(endedAt - _startedAt), events[next].Seq - 1, cancellation);
            }

            var due = Offset(events[next]);
            await WaitForPlayheadAsync(due, cancellation);
            var batch = new List<ClassroomEvent>();
            var position = PositionMillis;
            while (next < events.Count && Offset(events[next]) <= position)
            {
                batch.Add(events[next++]);
            }

            var through = next == events.Count ? page.ThroughSeq : batch[^1].Seq;
            cancellation.ThrowIfCancellationRequested();
            await _send(new ReplayEvents(ClassroomId, position, through, batch, Ended: false));
            Volatile.Write(ref _afterSeq, through);
        }

        Volatile.Write(ref _afterSeq, page.ThroughSeq);
        if (page.HasMore || events.Count > 0)
        {
            return true;
        }

        var info = await _replay.GetInfoAsync(_viewerId);
        lock (_lock)
        {
            // Read by the playhead on other threads, under the lock.
            _endedAt = EndOf(info);
        }

        if (info.Status == ClassroomStatus.Ended)
        {
            return await FinishAsync(Millis(_endedAt!.Value - _startedAt), page.ThroughSeq, cancellation);
        }

        // At the live edge of a lesson still going on: look again shortly.
        var poll = Task.Delay(LiveEdgePoll, _time, cancellation);
        Signal();
        await poll;
        return true;
    }

    /// <summary>Plays on to the end of the lesson, tells the viewer it ended, and stops there.</summary>
    private async Task<bool> FinishAsync(long durationMillis, long throughSeq, CancellationToken cancellation)
    {
        await WaitForPlayheadAsync(durationMillis, cancellation);
        lock (_lock)
        {
            Anchor(durationMillis);
            _playing = false;
        }

        await _send(new ReplayEvents(ClassroomId, durationMillis, throughSeq, [], Ended: true));
        await SaveAsync(durationMillis);
        return false;
    }

    private async Task WaitForPlayheadAsync(long offsetMillis, CancellationToken cancellation)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                // Reckoned from the anchor, not from the rounded playhead, so the timer falls due exactly at the moment.
                wait = _playing
                    ? TimeSpan.FromMilliseconds((offsetMillis - _anchorMillis) / _speed) - _time.GetElapsedTime(_anchorTimestamp)
                    : TimeSpan.Zero;
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            // Signalled once the timer is armed, so a test moving a fake clock from here cannot outrun it.
            var delay = Task.Delay(wait, _time, cancellation);
            Interlocked.Exchange(ref _waitingFor, offsetMillis);
            Signal();
            try
            {
                await delay;
            }
            finally
            {
                Interlocked.Exchange(ref _waitingFor, -1);
            }
        }
    }

    private long Offset(ClassroomEvent e) => Millis(e.At - _startedAt);

    /// <summary>Where playback ends: the lesson's end (none while it is live), or the range's end if that comes first.</summary>
    private DateTimeOffset? EndOf(ReplayInfo info) => _range is { } range
        ? info.EndedAt is { } ended && ended < _startedAt.AddMilliseconds(range.ToMillis) ? ended : _startedAt.AddMilliseconds(range.ToMillis)
        : info.EndedAt;

    // As the replay grain computes chapters and the duration: the player ends exactly where the replay does.
    private static long Millis(TimeSpan span) => ReplayOffset.Millis(span);

    /// <summary>
    /// The playhead now, never past the end of an ended lesson: a timer that fires late (a busy machine, 4x) must not
    /// report moments the lesson never had, nor make the end frame jump back. Call under the lock.
    /// </summary>
    private long Playhead()
    {
        if (!_playing)
        {
            return _anchorMillis;
        }

        var reckoned = _anchorMillis + (long)Math.Floor(_time.GetElapsedTime(_anchorTimestamp).TotalMilliseconds * _speed);
        return _endedAt is { } endedAt ? Math.Min(reckoned, Math.Max(_anchorMillis, Millis(endedAt - _startedAt))) : reckoned;
    }

    /// <summary>Restarts the playhead's reckoning at <paramref name="millis"/>, now; call under the lock.</summary>
    private void Anchor(long millis)
    {
        _anchorMillis = millis;
        _anchorTimestamp = _time.GetTimestamp();
    }

    private void Signal()
    {
        var waiting = Interlocked.Exchange(ref _waiting, NewSignal());
        waiting.TrySetResult();
    }

    private async Task SaveAsync(long position)
    {
        try
        {
            await (_save?.Invoke(position) ?? Task.CompletedTask);
        }
        catch (Exception e)
        {
            // A lost position costs the viewer a little scrolling; playback goes on.
            ReplayLog.PositionNotSaved(_logger, e, ClassroomId, _viewerId);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The part of a replay a player is limited to, in milliseconds since the lesson started (a micro-lesson's cut).</summary>
internal sealed record ReplayRange(long FromMillis, long ToMillis);
