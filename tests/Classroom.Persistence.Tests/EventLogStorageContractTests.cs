using System.Text;
using Classroom.Persistence.EventLogs;
using Classroom.Persistence.Storage;
using Classroom.Persistence.Tests.Fixtures;
using Orleans.Storage;

namespace Classroom.Persistence.Tests;

/// <summary>The rules every event log storage keeps, checked against each of them.</summary>
public abstract class EventLogStorageContractTests : IAsyncLifetime
{
    private const string Events = "events";
    private static readonly GrainId Grain = GrainId.Create("counter", "key-1");
    private IEventLogStorage _log = null!;

    public async Task InitializeAsync() => _log = await ConnectAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A storage over the test's data; a SQL one of its own each call, as another silo has.</summary>
    protected abstract Task<IEventLogStorage> ConnectAsync();

    private static byte[][] Payloads(params string[] texts) => texts.Select(Encoding.UTF8.GetBytes).ToArray();

    private static string[] Texts(IEnumerable<StoredEvent> events) => events.Select(e => Encoding.UTF8.GetString(e.Payload)).ToArray();

    private Task<IReadOnlyList<StoredEvent>> ReadAsync(long after = 0, int max = 100, string name = Events, GrainId? grain = null) =>
        _log.ReadAsync(grain ?? Grain, name, after, max, default);

    [Fact]
    public async Task Reading_a_log_nobody_wrote_gives_nothing()
    {
        Assert.Empty(await ReadAsync());
    }

    [Fact]
    public async Task Appended_batches_read_back_in_order_with_their_sequence_numbers()
    {
        await _log.AppendAsync(Grain, Events, 1, Payloads("a", "b", "c"), default);
        await _log.AppendAsync(Grain, Events, 4, Payloads("d"), default);

        var all = await ReadAsync();

        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Sequence));
        Assert.Equal(["a", "b", "c", "d"], Texts(all));
    }

    [Fact]
    public async Task Reads_page_from_a_position()
    {
        await _log.AppendAsync(Grain, Events, 1, Payloads("a", "b", "c", "d", "e"), default);

        var middle = await ReadAsync(after: 2, max: 2);

        Assert.Equal([3L, 4], middle.Select(e => e.Sequence));
        Assert.Equal(["c", "d"], Texts(middle));
        Assert.Equal(["e"], Texts(await ReadAsync(after: 4, max: 2)));
        Assert.Empty(await ReadAsync(after: 5, max: 10));
        Assert.Empty(await ReadAsync(after: 9, max: 10));
    }

    [Fact]
    public async Task Paging_through_a_log_visits_every_event_once()
    {
        var texts = Enumerable.Range(1, 23).Select(i => $"event-{i}").ToArray();
        await _log.AppendAsync(Grain, Events, 1, Payloads(texts[..10]), default);
        await _log.AppendAsync(Grain, Events, 11, Payloads(texts[10..]), default);

        var read = new List<StoredEvent>();
        IReadOnlyList<StoredEvent> page;
        while ((page = await ReadAsync(after: read.Count == 0 ? 0 : read[^1].Sequence, max: 5)).Count > 0)
        {
            read.AddRange(page);
        }

        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(texts, Texts(read));
    }

    [Fact]
    public async Task Payloads_come_back_byte_for_byte()
    {
        byte[] everyByte = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
        await _log.AppendAsync(Grain, Events, 1, [everyByte, [], [0]], default);

        var stored = await ReadAsync();

        Assert.Equal(everyByte, stored[0].Payload);
        Assert.Empty(stored[1].Payload);
        Assert.Equal([(byte)0], stored[2].Payload);
    }

    [Fact]
    public async Task An_append_that_reuses_a_sequence_number_is_refused_and_writes_nothing()
    {
        await _log.AppendAsync(Grain, Events, 1, Payloads("a", "b"), default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _log.AppendAsync(Grain, Events, 2, Payloads("x", "y"), default));

        Assert.Contains("Events from 2 were not appended to log 'events' of grain counter/key-1: the log ends at 2.", error.Message);
        Assert.Equal(("2", "1"), (error.StoredEtag, error.CurrentEtag));
        Assert.Equal(["a", "b"], Texts(await ReadAsync()));
    }

    [Fact]
    public async Task An_append_that_would_leave_a_gap_is_refused()
    {
        var empty = await Assert.ThrowsAsync<InconsistentStateException>(() => _log.AppendAsync(Grain, Events, 3, Payloads("c"), default));
        Assert.Empty(await ReadAsync());
        await _log.AppendAsync(Grain, Events, 1, Payloads("a"), default);
        var after = await Assert.ThrowsAsync<InconsistentStateException>(() => _log.AppendAsync(Grain, Events, 3, Payloads("c"), default));

        Assert.Equal(("0", "2"), (empty.StoredEtag, empty.CurrentEtag));
        Assert.Equal(("1", "2"), (after.StoredEtag, after.CurrentEtag));
        Assert.Equal(["a"], Texts(await ReadAsync()));
    }

    [Fact]
    public async Task A_log_starts_at_one()
    {
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _log.AppendAsync(Grain, Events, 0, Payloads("zero"), default));

        Assert.Equal("0", error.StoredEtag);
        Assert.Empty(await ReadAsync(after: -1));
    }

    [Fact]
    public async Task Logs_of_different_grains_and_names_are_separate()
    {
        await _log.AppendAsync(Grain, Events, 1, Payloads("a"), default);
        await _log.AppendAsync(Grain, "audit", 1, Payloads("b"), default);
        await _log.AppendAsync(GrainId.Create("counter", "key-2"), Events, 1, Payloads("c"), default);
        await _log.AppendAsync(GrainId.Create("lesson", "key-1"), Events, 1, Payloads("d"), default);

        Assert.Equal(["a"], Texts(await ReadAsync()));
        Assert.Equal(["b"], Texts(await ReadAsync(name: "audit")));
        Assert.Equal(["c"], Texts(await ReadAsync(grain: GrainId.Create("counter", "key-2"))));
        Assert.Equal(["d"], Texts(await ReadAsync(grain: GrainId.Create("lesson", "key-1"))));
    }

    [Fact]
    public async Task A_large_batch_is_appended_whole()
    {
        var texts = Enumerable.Range(1, 1000).Select(i => $"event-{i}").ToArray();

        await _log.AppendAsync(Grain, Events, 1, Payloads(texts), default);

        var all = await ReadAsync(max: 2000);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), all.Select(e => e.Sequence));
        Assert.Equal(texts, Texts(all));
    }

    [Fact]
    public async Task Two_writers_racing_for_the_same_position_leave_exactly_one_batch()
    {
        var first = _log;
        var second = await ConnectAsync();

        for (var round = 0; round < 10; round++)
        {
            var position = 2 * round + 1;
            var results = await Task.WhenAll(
                Outcome.Of(() => first.AppendAsync(Grain, Events, position, Payloads($"first-{round}", $"first-{round}"), default)),
                Outcome.Of(() => second.AppendAsync(Grain, Events, position, Payloads($"second-{round}", $"second-{round}"), default)));

            Assert.Single(results, r => r is null);
            Assert.Single(results, r => r is InconsistentStateException);
        }

        var stored = await ReadAsync();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), stored.Select(e => e.Sequence));
        // Each position pair holds one writer's whole batch: appends never interleave.
        Assert.All(stored.Chunk(2), pair => Assert.Equal(Encoding.UTF8.GetString(pair[0].Payload), Encoding.UTF8.GetString(pair[1].Payload)));
        Assert.Equal(10, stored.Select(e => Encoding.UTF8.GetString(e.Payload)).Distinct().Count());
    }
}

public sealed class MemoryEventLogStorageContractTests : EventLogStorageContractTests
{
    private readonly MemoryEventLogStorage _storage = new();

    protected override Task<IEventLogStorage> ConnectAsync() => Task.FromResult<IEventLogStorage>(_storage);
}

public abstract class SqlEventLogStorageContractTests(ITestDatabase database) : EventLogStorageContractTests
{
    protected override async Task<IEventLogStorage> ConnectAsync() => new SqlEventLogStorage(await database.ConnectAsync());

    public override Task DisposeAsync() => database.DisposeAsync().AsTask();
}

public sealed class SqliteEventLogStorageContractTests() : SqlEventLogStorageContractTests(new SqliteTestDatabase());

public sealed class PostgreSqlEventLogStorageContractTests() : SqlEventLogStorageContractTests(new PostgreSqlTestDatabase());
