using System.Text;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Storage;
using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests;

/// <summary>The rules every event log storage keeps, checked against each provider.</summary>
public sealed class EventLogContractTests : IAsyncLifetime
{
    private static readonly GrainId Grain = new("lesson", "algebra-1");
    private readonly StorageProviders _providers = new();

    public static TheoryData<string> Providers => StorageProviders.Names;

    public Task InitializeAsync() => _providers.InitializeAsync();

    public Task DisposeAsync() => _providers.DisposeAsync();

    private Task<IEventLogStorage> CreateAsync(string provider) => _providers.EventLogStorageAsync(provider);

    private static byte[][] Payloads(params string[] texts) => texts.Select(Encoding.UTF8.GetBytes).ToArray();

    private static string[] Texts(IEnumerable<StoredEvent> events) => events.Select(e => Encoding.UTF8.GetString(e.Payload)).ToArray();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appended_batches_read_back_in_order_with_their_sequence_numbers(string provider)
    {
        var log = await CreateAsync(provider);
        await log.AppendAsync(Grain, "events", 1, Payloads("a", "b", "c"), default);
        await log.AppendAsync(Grain, "events", 4, Payloads("d"), default);

        var all = await log.ReadAsync(Grain, "events", 0, 100, default);

        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Sequence));
        Assert.Equal(["a", "b", "c", "d"], Texts(all));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reads_page_from_a_position(string provider)
    {
        var log = await CreateAsync(provider);
        await log.AppendAsync(Grain, "events", 1, Payloads("a", "b", "c", "d", "e"), default);

        Assert.Equal(["c", "d"], Texts(await log.ReadAsync(Grain, "events", 2, 2, default)));
        Assert.Empty(await log.ReadAsync(Grain, "events", 5, 10, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_append_that_reuses_a_sequence_number_is_refused_and_writes_nothing(string provider)
    {
        var log = await CreateAsync(provider);
        await log.AppendAsync(Grain, "events", 1, Payloads("a", "b"), default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => log.AppendAsync(Grain, "events", 2, Payloads("x", "y"), default));

        Assert.Contains("ends at 2", error.Message);
        Assert.Equal(["a", "b"], Texts(await log.ReadAsync(Grain, "events", 0, 10, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_append_that_would_leave_a_gap_is_refused(string provider)
    {
        var log = await CreateAsync(provider);

        await Assert.ThrowsAsync<InconsistentStateException>(() => log.AppendAsync(Grain, "events", 3, Payloads("c"), default));
        Assert.Empty(await log.ReadAsync(Grain, "events", 0, 10, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Logs_of_different_grains_and_names_are_separate(string provider)
    {
        var log = await CreateAsync(provider);
        await log.AppendAsync(Grain, "events", 1, Payloads("a"), default);
        await log.AppendAsync(Grain, "audit", 1, Payloads("b"), default);
        await log.AppendAsync(new GrainId("lesson", "algebra-2"), "events", 1, Payloads("c"), default);

        Assert.Equal(["a"], Texts(await log.ReadAsync(Grain, "events", 0, 10, default)));
        Assert.Equal(["b"], Texts(await log.ReadAsync(Grain, "audit", 0, 10, default)));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Two_writers_racing_for_the_same_position_leave_exactly_one_batch(string provider)
    {
        var first = await CreateAsync(provider);
        var second = await CreateAsync(provider);

        var results = await Task.WhenAll(
            Capture(() => first.AppendAsync(Grain, "events", 1, Payloads("first-1", "first-2"), default)),
            Capture(() => second.AppendAsync(Grain, "events", 1, Payloads("second-1", "second-2"), default)));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is InconsistentStateException);
        var stored = Texts(await first.ReadAsync(Grain, "events", 0, 10, default));
        Assert.True(stored.SequenceEqual(["first-1", "first-2"]) || stored.SequenceEqual(["second-1", "second-2"]));
    }

    private static async Task<Exception?> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
