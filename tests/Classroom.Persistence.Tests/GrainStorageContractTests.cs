using System.Text;
using Classroom.Persistence.Storage;
using Classroom.Persistence.Tests.Fixtures;
using Orleans.Storage;

namespace Classroom.Persistence.Tests;

/// <summary>The ETag rules the SQL grain storage keeps, checked against each database.</summary>
public abstract class GrainStorageContractTests(ITestDatabase database) : IAsyncLifetime
{
    private const string Name = "counter";
    private static readonly GrainId Grain = GrainId.Create("counter", "key-1");
    private SqlGrainStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await ConnectAsync();

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    /// <summary>A storage of its own over the same data, as another silo has.</summary>
    private async Task<SqlGrainStorage> ConnectAsync() => new(await database.ConnectAsync(), TestJson.Create());

    private static GrainState<CounterState> Counter(int count, string? etag = null) => new() { State = new CounterState { Count = count }, ETag = etag };

    private async Task<GrainState<CounterState>> ReadAsync(GrainId grain, string name = Name, IGrainStorage? storage = null)
    {
        var state = new GrainState<CounterState>();
        await (storage ?? _storage).ReadStateAsync(name, grain, state);
        return state;
    }

    private Task<GrainState<CounterState>> ReadAsync() => ReadAsync(Grain);

    private async Task<GrainState<CounterState>> WriteAsync(GrainState<CounterState> state, GrainId? grain = null, string name = Name)
    {
        await _storage.WriteStateAsync(name, grain ?? Grain, state);
        return state;
    }

    [Fact]
    public async Task Nothing_is_stored_until_written()
    {
        var state = await ReadAsync();

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Each_write_returns_a_new_etag_and_is_read_back()
    {
        var state = await WriteAsync(Counter(1));
        var first = state.ETag;
        state.State = new CounterState { Count = 2 };
        await WriteAsync(state);

        var stored = await ReadAsync();

        Assert.Equal("1", first);
        Assert.Equal("2", state.ETag);
        Assert.True(state.RecordExists);
        Assert.Equal(new CounterState { Count = 2 }, stored.State);
        Assert.Equal("2", stored.ETag);
        Assert.True(stored.RecordExists);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_etag_is_refused_and_changes_nothing()
    {
        var mine = await WriteAsync(Counter(1));
        var theirs = await ReadAsync();
        theirs.State = new CounterState { Count = 10 };
        await WriteAsync(theirs);

        mine.State = new CounterState { Count = 2 };
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, mine));

        Assert.Equal("2", error.StoredEtag);
        Assert.Equal("1", error.CurrentEtag);
        Assert.Contains("State 'counter' of grain counter/key-1 was not written", error.Message);
        Assert.Equal("1", mine.ETag);
        var stored = await ReadAsync();
        Assert.Equal(new CounterState { Count = 10 }, stored.State);
        Assert.Equal("2", stored.ETag);
    }

    [Fact]
    public async Task A_first_write_is_refused_when_a_record_already_exists()
    {
        await WriteAsync(Counter(1));

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, Counter(99)));

        Assert.Equal("1", error.StoredEtag);
        var stored = await ReadAsync();
        Assert.Equal(new CounterState { Count = 1 }, stored.State);
        Assert.Equal("1", stored.ETag);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("not-a-version")]
    [InlineData("")]
    public async Task A_write_with_an_etag_the_storage_never_issued_is_refused(string etag)
    {
        await WriteAsync(Counter(1));

        var write = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, Counter(99, etag)));
        var clear = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(Name, Grain, Counter(99, etag)));

        Assert.Equal((etag, etag), (write.CurrentEtag, clear.CurrentEtag));
        var stored = await ReadAsync();
        Assert.Equal(new CounterState { Count = 1 }, stored.State);
        Assert.Equal("1", stored.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_is_refused_when_nothing_is_stored()
    {
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, Counter(1, "1")));

        Assert.Equal("1", error.CurrentEtag);
        Assert.Null((await ReadAsync()).ETag);
    }

    [Fact]
    public async Task Clear_with_the_current_etag_leaves_a_tombstone_and_refuses_a_stale_one()
    {
        var stale = await WriteAsync(Counter(1));
        var current = await ReadAsync();
        current.State = new CounterState { Count = 2 };
        await WriteAsync(current);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(Name, Grain, stale));
        await _storage.ClearStateAsync(Name, Grain, current);

        Assert.Equal(("2", "1"), (error.StoredEtag, error.CurrentEtag));
        Assert.Equal("3", current.ETag);
        Assert.False(current.RecordExists);
        Assert.Equal(new CounterState(), current.State);
        var stored = await ReadAsync();
        Assert.Equal("3", stored.ETag);
        Assert.False(stored.RecordExists);
        Assert.Equal(new CounterState(), stored.State);
    }

    [Fact]
    public async Task A_writer_holding_an_etag_from_before_a_clear_is_refused()
    {
        var before = await WriteAsync(Counter(1));
        var clearing = await ReadAsync();
        await _storage.ClearStateAsync(Name, Grain, clearing);

        before.State = new CounterState { Count = 2 };
        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, before));
        var fresh = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, Counter(3)));
        clearing.State = new CounterState { Count = 4 };
        await WriteAsync(clearing);

        Assert.Equal(("2", "1"), (stale.StoredEtag, stale.CurrentEtag));
        Assert.Equal("2", fresh.StoredEtag);
        Assert.Equal("3", clearing.ETag);
        var stored = await ReadAsync();
        Assert.Equal(new CounterState { Count = 4 }, stored.State);
        Assert.True(stored.RecordExists);
    }

    [Fact]
    public async Task Clearing_a_state_never_written_leaves_a_tombstone_a_first_write_cannot_pass()
    {
        var cleared = Counter(1);
        await _storage.ClearStateAsync(Name, Grain, cleared);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Name, Grain, Counter(2)));
        var stored = await ReadAsync();
        await WriteAsync(stored);

        Assert.Equal("1", cleared.ETag);
        Assert.False(cleared.RecordExists);
        Assert.Equal("1", error.StoredEtag);
        Assert.Equal("2", stored.ETag);
        Assert.True(stored.RecordExists);
    }

    [Fact]
    public async Task Etags_never_repeat_even_across_clears()
    {
        var state = Counter(1);
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            await WriteAsync(state);
            etags.Add(state.ETag);
            await _storage.ClearStateAsync(Name, Grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(["1", "2", "3", "4", "5", "6"], etags);
        Assert.Equal("6", (await ReadAsync()).ETag);
    }

    [Fact]
    public async Task States_of_different_grains_and_names_are_separate()
    {
        var otherKey = GrainId.Create("counter", "key-2");
        var otherType = GrainId.Create("lesson", "key-1");
        await WriteAsync(Counter(1));
        await WriteAsync(Counter(2), name: "other");
        await WriteAsync(Counter(3), otherKey);
        await WriteAsync(Counter(4), otherType);
        await _storage.ClearStateAsync("other", Grain, await ReadAsync(Grain, "other"));

        Assert.Equal(new CounterState { Count = 1 }, (await ReadAsync()).State);
        Assert.False((await ReadAsync(Grain, "other")).RecordExists);
        Assert.Equal(new CounterState { Count = 3 }, (await ReadAsync(otherKey)).State);
        Assert.Equal(new CounterState { Count = 4 }, (await ReadAsync(otherType)).State);
        Assert.Null((await ReadAsync(otherType, "other")).ETag);
        Assert.Equal(["1", "1", "1"], [(await ReadAsync()).ETag!, (await ReadAsync(otherKey)).ETag!, (await ReadAsync(otherType)).ETag!]);
    }

    [Fact]
    public async Task Two_silos_writing_from_the_same_etag_leave_exactly_one_write()
    {
        var other = await ConnectAsync();
        await WriteAsync(Counter(0));

        for (var round = 1; round <= 10; round++)
        {
            var mine = await ReadAsync(Grain);
            var theirs = await ReadAsync(Grain, storage: other);
            mine.State = new CounterState { Count = round * 10 + 1 };
            theirs.State = new CounterState { Count = round * 10 + 2 };

            var results = await Task.WhenAll(
                Outcome.Of(() => _storage.WriteStateAsync(Name, Grain, mine)),
                Outcome.Of(() => other.WriteStateAsync(Name, Grain, theirs)));

            Assert.Single(results, r => r is null);
            Assert.Single(results, r => r is InconsistentStateException);
            var winner = results[0] is null ? mine : theirs;
            var stored = await ReadAsync();
            Assert.Equal((round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), stored.ETag);
            Assert.Equal(winner.ETag, stored.ETag);
            Assert.Equal(winner.State, stored.State);
        }
    }

    [Fact]
    public async Task Two_silos_making_the_first_write_at_once_leave_exactly_one_write()
    {
        var other = await ConnectAsync();
        var mine = Counter(1);
        var theirs = Counter(2);

        var results = await Task.WhenAll(
            Outcome.Of(() => _storage.WriteStateAsync(Name, Grain, mine)),
            Outcome.Of(() => other.WriteStateAsync(Name, Grain, theirs)));

        Assert.Single(results, r => r is null);
        var error = Assert.IsType<InconsistentStateException>(Assert.Single(results, r => r is not null));
        Assert.Equal("1", error.StoredEtag);
        var winner = results[0] is null ? mine : theirs;
        var stored = await ReadAsync();
        Assert.Equal("1", stored.ETag);
        Assert.Equal(winner.State, stored.State);
    }

    [Fact]
    public async Task State_is_stored_as_json_of_the_registered_context()
    {
        await WriteAsync(Counter(5));

        await using var connection = await _storage.Database.OpenAsync(default);
        await using var command = _storage.Database.Command(connection, StorageKey.Parameters(Grain, Name),
            "SELECT payload FROM {schema}.grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        var payload = (byte[])(await command.ExecuteScalarAsync())!;

        Assert.Equal("""{"Count":5}""", Encoding.UTF8.GetString(payload));
    }
}

public sealed class SqliteGrainStorageContractTests() : GrainStorageContractTests(new SqliteTestDatabase());

public sealed class PostgreSqlGrainStorageContractTests() : GrainStorageContractTests(new PostgreSqlTestDatabase());
