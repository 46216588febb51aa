using System.Text;
using Classroom.Runtime.Storage;
using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests;

/// <summary>The ETag rules every grain storage keeps, checked against each provider.</summary>
public sealed class StorageContractTests : IAsyncLifetime
{
    private static readonly GrainId Grain = new("lesson", "algebra-1");
    private readonly StorageProviders _providers = new();

    public static TheoryData<string> Providers => StorageProviders.Names;

    public Task InitializeAsync() => _providers.InitializeAsync();

    public Task DisposeAsync() => _providers.DisposeAsync();

    private Task<IGrainStorage> CreateAsync(string provider) => _providers.GrainStorageAsync(provider);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nothing_is_stored_until_written(string provider)
    {
        Assert.Null(await (await CreateAsync(provider)).ReadAsync(Grain, "state", default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_write_returns_a_new_etag_and_is_read_back(string provider)
    {
        var storage = await CreateAsync(provider);
        var first = await storage.WriteAsync(Grain, "state", Encoding.UTF8.GetBytes("one"), null, default);
        var second = await storage.WriteAsync(Grain, "state", Encoding.UTF8.GetBytes("two"), first, default);

        var stored = await storage.ReadAsync(Grain, "state", default);

        Assert.NotEqual(first, second);
        Assert.Equal(second, stored!.Etag);
        Assert.Equal("two", Encoding.UTF8.GetString(stored.Payload!));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_write_with_a_stale_etag_is_refused(string provider)
    {
        var storage = await CreateAsync(provider);
        var first = await storage.WriteAsync(Grain, "state", "1"u8.ToArray(), null, default);
        await storage.WriteAsync(Grain, "state", "2"u8.ToArray(), first, default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(Grain, "state", "3"u8.ToArray(), first, default));

        Assert.Equal(first, error.ExpectedEtag);
        Assert.Equal("2", Encoding.UTF8.GetString((await storage.ReadAsync(Grain, "state", default))!.Payload!));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_first_write_is_refused_when_something_is_already_stored(string provider)
    {
        var storage = await CreateAsync(provider);
        await storage.WriteAsync(Grain, "state", "1"u8.ToArray(), null, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(Grain, "state", "again"u8.ToArray(), null, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Clear_deletes_with_the_current_etag_and_refuses_a_stale_one(string provider)
    {
        var storage = await CreateAsync(provider);
        var first = await storage.WriteAsync(Grain, "state", "1"u8.ToArray(), null, default);
        var second = await storage.WriteAsync(Grain, "state", "2"u8.ToArray(), first, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(Grain, "state", first, default));
        var cleared = await storage.ClearAsync(Grain, "state", second, default);

        var stored = await storage.ReadAsync(Grain, "state", default);
        Assert.False(stored!.HasPayload);
        Assert.Equal(cleared, stored.Etag);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_writer_holding_an_etag_from_before_a_clear_is_refused(string provider)
    {
        var storage = await CreateAsync(provider);
        var before = await storage.WriteAsync(Grain, "state", "1"u8.ToArray(), null, default);
        var cleared = await storage.ClearAsync(Grain, "state", before, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(Grain, "state", "stale"u8.ToArray(), before, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(Grain, "state", "stale"u8.ToArray(), null, default));
        await storage.WriteAsync(Grain, "state", "fresh"u8.ToArray(), cleared, default);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task States_of_different_grains_and_names_are_separate(string provider)
    {
        var storage = await CreateAsync(provider);
        await storage.WriteAsync(Grain, "a", "A"u8.ToArray(), null, default);
        await storage.WriteAsync(Grain, "b", "B"u8.ToArray(), null, default);
        await storage.WriteAsync(new GrainId("lesson", "algebra-2"), "a", "C"u8.ToArray(), null, default);

        Assert.Equal("A", Encoding.UTF8.GetString((await storage.ReadAsync(Grain, "a", default))!.Payload!));
        Assert.Equal("B", Encoding.UTF8.GetString((await storage.ReadAsync(Grain, "b", default))!.Payload!));
        Assert.Equal("C", Encoding.UTF8.GetString((await storage.ReadAsync(new GrainId("lesson", "algebra-2"), "a", default))!.Payload!));
    }
}
