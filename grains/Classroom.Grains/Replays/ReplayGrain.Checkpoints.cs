using Classroom.Contracts.Events;
using Classroom.Grains.Classrooms;
using Classroom.Runtime.Storage;

namespace Classroom.Grains.Replays;

public sealed partial class ReplayGrain
{
    /// <summary>Folds whatever the log holds beyond the head, leaving checkpoints on the way. One at a time.</summary>
    private Task CatchUpAsync() => _catchingUp is { IsCompleted: false } running ? running : _catchingUp = CatchUpCoreAsync();

    private async Task CatchUpCoreAsync()
    {
        var added = false;
        while (true)
        {
            var page = await lesson.ReadAsync(_head.Seq, MaxPage);
            foreach (var entry in page)
            {
                Fold(_head, entry.Event);
                if (_head.Seq - LastCheckpointSeq >= _options.CheckpointEvery)
                {
                    await AddCheckpointAsync(entry.Event.At);
                    added = true;
                }
            }

            if (page.Count < MaxPage)
            {
                break;
            }
        }

        _caughtUpAt = TimeProvider.GetUtcNow();
        if (added)
        {
            await SaveIndexAsync();
        }
    }

    private long LastCheckpointSeq => Checkpoints.Count > 0 ? Checkpoints[^1].Seq : 0;

    private async Task AddCheckpointAsync(DateTimeOffset at)
    {
        var number = Checkpoints.Count + 1;
        _head.CompactForReplay();
        try
        {
            // Serialized before the first await: the head may move on while the write is in flight.
            await checkpoints.AppendAsync(number, [new ReplayCheckpoint(_head.Seq, at, _head)]);
            Checkpoints.Add(new CheckpointRef(_head.Seq, at));
        }
        catch (InconsistentStateException)
        {
            // An earlier activation wrote this checkpoint but lost the index write: adopt what it wrote.
            var existing = (await checkpoints.ReadAsync(number - 1, 1))[0].Event;
            Checkpoints.Add(new CheckpointRef(existing.Seq, existing.At));
        }
    }

    private async Task SaveIndexAsync()
    {
        try
        {
            await index.WriteStateAsync();
        }
        catch (Exception e)
        {
            IndexWriteFailed(logger, e, Id);
        }
    }

    /// <summary>Checkpoint <paramref name="number"/> (1-based), freshly read: the caller may fold into it.</summary>
    private async Task<ClassroomState> ReadCheckpointAsync(int number) =>
        (await checkpoints.ReadAsync(number - 1, 1))[0].Event.State;

    /// <summary>
    /// The classroom after every event up to <paramref name="moment"/>: the nearest checkpoint at or before it, folded
    /// forward. Event times never go back in a classroom's log, so the events up to a moment are a prefix of it.
    /// </summary>
    private async Task<ClassroomState> StateAtAsync(DateTimeOffset moment)
    {
        var nearest = UpperBound(moment);
        var state = nearest == 0 ? new ClassroomState() : await ReadCheckpointAsync(nearest);
        var chunk = Math.Clamp(_options.CheckpointEvery, 1, MaxPage);
        while (true)
        {
            var page = await lesson.ReadAsync(state.Seq, chunk);
            foreach (var entry in page)
            {
                if (entry.Event.At > moment)
                {
                    return state;
                }

                state.Apply(entry.Event, _classroom.ChatHistory);
            }

            if (page.Count < chunk)
            {
                return state;
            }
        }
    }

    /// <summary>How many checkpoints lie at or before <paramref name="moment"/>.</summary>
    private int UpperBound(DateTimeOffset moment)
    {
        int low = 0, high = Checkpoints.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Checkpoints[middle].At <= moment)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Fold(ClassroomState state, ClassroomEvent e)
    {
        if (e.Data is UnknownEventData unknown)
        {
            UnknownEventSkipped(logger, Id, e.Seq, unknown.Type);
        }

        state.Apply(e, _classroom.ChatHistory);
    }
}
