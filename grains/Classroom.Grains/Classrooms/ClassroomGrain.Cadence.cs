using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;

namespace Classroom.Grains.Classrooms;

public sealed partial class ClassroomGrain
{
    /// <summary>
    /// While the lesson is live, a timer sends what must not go out per action: poll tallies (at most one per poll
    /// per tally interval, however many votes), presence counts (at most one per count interval), and closes polls
    /// whose time is up.
    /// </summary>
    /// <remarks>The timer keeps a live lesson's activation alive: a quiet stretch of a lesson must not stop its cadence.</remarks>
    private void StartCadence() =>
        _cadence ??= this.RegisterGrainTimer(_ => OnCadenceAsync(), new GrainTimerCreationOptions(_options.TallyInterval, _options.TallyInterval) { KeepAlive = true });

    private void StopCadence()
    {
        _cadence?.Dispose();
        _cadence = null;
    }

    private async Task OnCadenceAsync()
    {
        if (_broken is not null || _state.Status != ClassroomStatus.Live)
        {
            return;
        }

        var now = Now;
        foreach (var poll in _state.Polls.Where(p => p.Status == PollStatus.Open && p.ClosesAt <= now).ToList())
        {
            ClosePoll(poll);
        }

        foreach (var pollId in _dirtyPolls)
        {
            if (_state.FindPoll(pollId) is { Status: PollStatus.Open } poll)
            {
                Raise(new PollTallied(poll.PollId, [.. poll.Counts], poll.Votes.Count));
            }
        }

        _dirtyPolls.Clear();
        EmitPresenceCount();
        await CommitAsync();
    }
}
