using Classroom.Runtime.EventLogs;

namespace Classroom.Runtime.Tests.Grains;

public interface IJournalGrain : IGrainWithStringKey
{
    Task WriteAsync(params Note[] notes);
}

public interface IJournalReaderGrain : IGrainWithStringKey
{
    Task<List<Note>> ReadAfterAsync(long afterSequence);
}

/// <summary>Writes notes to its log.</summary>
[GrainType("journal")]
public sealed class JournalGrain([EventLog("notes")] IEventLog<Note> log) : Grain, IJournalGrain
{
    private long _written;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        for (var page = await log.ReadAsync(0, 1000, cancellationToken); page.Count > 0; page = await log.ReadAsync(_written, 1000, cancellationToken))
        {
            _written = page[^1].Sequence;
        }
    }

    public async Task WriteAsync(params Note[] notes)
    {
        await log.AppendAsync(_written + 1, notes);
        _written += notes.Length;
    }
}

/// <summary>Reads the log of the journal with its own key, without activating it.</summary>
[GrainType("journal-reader")]
public sealed class JournalReaderGrain([EventLogReader("journal", "notes")] IEventLogReader<Note> journal) : Grain, IJournalReaderGrain
{
    public async Task<List<Note>> ReadAfterAsync(long afterSequence) =>
        [.. (await journal.ReadAsync(afterSequence, 1000)).Select(entry => entry.Event)];
}
