using Classroom.Contracts.Events;
using Classroom.Grains.Classrooms;
using Classroom.Persistence.EventLogs;

namespace Classroom.Grains.Replays;

public sealed partial class ReplayGrain
{
    /// <summary>Folds whatever the log holds beyond the head, leaving checkpoints on the way. One at a time.</summary>
    private Task CatchUpAsync() => _catchingUp is { IsCompleted: false } running ? running : _catchingUp = CatchUpCoreAsync();

    private async Task CatchUpCoreAsync()
    {
        var added = false;
        await foreach (var entry in ReadLessonAsync(_head.Seq, MaxPage))
        {
            Fold(_head, entry.Event);
            if (_head.Seq - LastCheckpointSeq >= _options.CheckpointEvery)
            {
                await AddCheckpointAsync(entry.Event.At);
                added = true;
            }
        }

        _caughtUpAt = time.GetUtcNow();
        if (added)
        {
            await SaveIndexAsync();
        }
    }

    /// <summary>The lesson's events after <paramref name="afterSeq"/> to the end of its log, read <paramref name="pageSize"/> at a time.</summary>
    private async IAsyncEnumerable<EventLogEntry<ClassroomEvent>> ReadLessonAsync(long afterSeq, int pageSize)
    {
        while (true)
        {
            var page = await lesson.ReadAsync(afterSeq, pageSize);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            afterSeq = page[^1].Sequence;
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
        catch (Orleans.Storage.InconsistentStateException)
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
        // Pages no larger than the most a seek folds: the usual seek reads one or two.
        await foreach (var entry in ReadLessonAsync(state.Seq, Math.Clamp(_options.CheckpointEvery, 1, MaxPage)))
        {
            if (entry.Event.At > moment)
            {
                break;
            }

            state.Apply(entry.Event, _classroom.ChatHistory);
        }

        return state;
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
