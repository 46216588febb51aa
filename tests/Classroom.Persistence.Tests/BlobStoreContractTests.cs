using Classroom.Persistence.Blobs;
using Classroom.Persistence.Storage;
using Classroom.Persistence.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Classroom.Persistence.Tests;

/// <summary>The rules every blob store keeps (written once, read in ranges, failures reported as unavailable), checked against each.</summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    private const string Pdf = "application/pdf";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 6, 30, 0, TimeSpan.Zero));
    private IBlobStore _store = null!;

    public async Task InitializeAsync() => _store = await ConnectAsync(_clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A store over the test's data; a new one each call, as another gateway has.</summary>
    protected abstract Task<IBlobStore> ConnectAsync(TimeProvider time);

    /// <summary>A store whose storage cannot be used (an unreachable server, a damaged file, a folder that is a file).</summary>
    protected abstract Task<IBlobStore> ConnectToFailingAsync();

    private static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_key_nothing_was_stored_under_has_no_info_and_cannot_be_read()
    {
        Assert.Null(await _store.GetInfoAsync("slides.missing", default));
        Assert.Null(await _store.OpenReadAsync("slides.missing", default));
        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => _store.ReadAsync("slides.missing", 0, new byte[10], default));
        Assert.Equal("slides.missing", error.Key);
    }

    [Fact]
    public async Task A_stored_blob_reads_back_byte_for_byte_with_its_type_length_hash_and_time()
    {
        byte[] everyByte = [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. Bytes(5000)];

        var stored = await _store.PutAsync("slides.deck-1", Pdf, everyByte, default);
        var info = await _store.GetInfoAsync("slides.deck-1", default);

        Assert.Equal(new BlobInfo("slides.deck-1", Pdf, everyByte.Length, BlobInfo.Hash(everyByte), _clock.GetUtcNow()), stored);
        Assert.Equal(stored, info);
        Assert.Equal(64, stored.Sha256.Length);
        Assert.Equal(everyByte, await _store.ReadAllAsync("slides.deck-1", default));
        Assert.Equal(everyByte, await (await ConnectAsync(_clock)).ReadAllAsync("slides.deck-1", default));
    }

    [Fact]
    public async Task A_range_reads_just_those_bytes_and_a_read_past_the_end_reads_nothing()
    {
        var content = Bytes(10_000);
        await _store.PutAsync("media.segment-7", "video/mp4", content, default);
        var middle = new byte[100];
        var tail = new byte[100];

        var readMiddle = await _store.ReadAsync("media.segment-7", 4_000, middle, default);
        var readTail = await _store.ReadAsync("media.segment-7", 9_950, tail, default);
        var readPast = await _store.ReadAsync("media.segment-7", 10_000, new byte[10], default);

        Assert.Equal((100, 50, 0), (readMiddle, readTail, readPast));
        Assert.Equal(content[4_000..4_100], middle);
        Assert.Equal(content[9_950..], tail[..50]);
    }

    [Fact]
    public async Task The_stream_of_a_blob_seeks_and_reads_ranges_as_a_web_server_does()
    {
        var content = Bytes(3 * BlobStream.ChunkSize + 123);
        await _store.PutAsync("slides.deck-2", Pdf, content, default);
        await using var stream = (await _store.OpenReadAsync("slides.deck-2", default))!;
        var range = new byte[BlobStream.ChunkSize + 10];

        stream.Seek(BlobStream.ChunkSize - 5, SeekOrigin.Begin);
        await stream.ReadExactlyAsync(range);
        stream.Seek(-3, SeekOrigin.End);
        var last = new byte[10];
        var lastRead = await stream.ReadAsync(last);

        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal(content[(BlobStream.ChunkSize - 5)..(2 * BlobStream.ChunkSize + 5)], range);
        Assert.Equal(3, lastRead);
        Assert.Equal(content[^3..], last[..3]);
    }

    [Fact]
    public async Task Writing_the_same_bytes_again_is_a_no_op_that_answers_the_first_write()
    {
        var content = Bytes(2048);
        var first = await _store.PutAsync("slides.deck-3", Pdf, content, default);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var second = await _store.PutAsync("slides.deck-3", Pdf, [.. content], default);

        Assert.Equal(first, second);
        Assert.Equal(content, await _store.ReadAllAsync("slides.deck-3", default));
    }

    [Fact]
    public async Task Other_bytes_or_another_type_under_a_taken_key_are_refused_and_leave_the_blob_as_it_was()
    {
        var content = Bytes(2048);
        var stored = await _store.PutAsync("slides.deck-4", Pdf, content, default);

        var otherBytes = await Assert.ThrowsAsync<BlobConflictException>(() => _store.PutAsync("slides.deck-4", Pdf, Bytes(2048, seed: 2), default));
        var otherType = await Assert.ThrowsAsync<BlobConflictException>(() => _store.PutAsync("slides.deck-4", "text/html", content, default));
        var shorter = await Assert.ThrowsAsync<BlobConflictException>(() => _store.PutAsync("slides.deck-4", Pdf, content[..100], default));

        Assert.All([otherBytes, otherType, shorter], e => Assert.Equal("slides.deck-4", e.Key));
        Assert.Equal(stored, await _store.GetInfoAsync("slides.deck-4", default));
        Assert.Equal(content, await _store.ReadAllAsync("slides.deck-4", default));
    }

    [Fact]
    public async Task Writers_racing_with_the_same_bytes_all_succeed_and_one_blob_is_stored()
    {
        var content = Bytes(200_000);
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ConnectAsync(_clock)));

        var results = await Task.WhenAll(stores.Select(s => s.PutAsync("slides.race-same", Pdf, content, default)));

        Assert.Single(results.Distinct());
        Assert.Equal(content, await _store.ReadAllAsync("slides.race-same", default));
    }

    [Fact]
    public async Task Of_writers_racing_with_different_bytes_exactly_one_wins_and_its_bytes_are_stored()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ConnectAsync(_clock)));
        var contents = Enumerable.Range(0, 4).Select(i => Bytes(200_000, seed: 10 + i)).ToArray();

        var outcomes = await Task.WhenAll(stores.Select((s, i) => Outcome.Of(() => s.PutAsync("slides.race-other", Pdf, contents[i], default))));

        var winner = Assert.Single(Enumerable.Range(0, 4), i => outcomes[i] is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<BlobConflictException>(o));
        Assert.Equal(contents[winner], await _store.ReadAllAsync("slides.race-other", default));
    }

    [Fact]
    public async Task A_30_megabyte_blob_is_stored_whole_and_read_in_ranges()
    {
        var content = Bytes(30 * 1024 * 1024, seed: 30);

        var stored = await _store.PutAsync("slides.large", Pdf, content, default);
        var middle = new byte[64 * 1024];
        await _store.ReadAsync("slides.large", 17_000_000, middle, default);

        Assert.Equal(content.Length, stored.Length);
        Assert.Equal(content.AsSpan(17_000_000, middle.Length).ToArray(), middle);
        var whole = await _store.ReadAllAsync("slides.large", default);
        Assert.True(content.AsSpan().SequenceEqual(whole), "the 30 MB blob did not read back whole");
    }

    [Fact]
    public async Task An_empty_blob_is_a_blob()
    {
        var stored = await _store.PutAsync("media.empty", "video/mp4", [], default);

        Assert.Equal(0, stored.Length);
        Assert.Empty((await _store.ReadAllAsync("media.empty", default))!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("key with space")]
    public async Task A_key_that_is_not_a_safe_name_is_never_stored_and_names_nothing(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(key, Pdf, [1, 2, 3], default));
        Assert.Null(await _store.GetInfoAsync(key, default));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => _store.ReadAsync(key, 0, new byte[3], default));
    }

    [Fact]
    public async Task Every_operation_on_a_failing_storage_says_the_storage_is_unavailable()
    {
        var failing = await ConnectToFailingAsync();

        Exception[] errors =
        [
            await Assert.ThrowsAsync<StorageUnavailableException>(() => failing.PutAsync("slides.deck-5", Pdf, [1, 2, 3], default)),
            await Assert.ThrowsAsync<StorageUnavailableException>(() => failing.GetInfoAsync("slides.deck-5", default)),
            await Assert.ThrowsAsync<StorageUnavailableException>(() => failing.ReadAsync("slides.deck-5", 0, new byte[3], default)),
        ];

        Assert.All(errors, e => Assert.Contains(failing.Location, e.Message));
    }
}

public sealed class SqliteBlobStoreContractTests : BlobStoreContractTests
{
    private readonly SqliteTestDatabase _database = new();
    private readonly string _broken = Directory.CreateTempSubdirectory("classroom-broken-blobs-").FullName;

    protected override async Task<IBlobStore> ConnectAsync(TimeProvider time) => new SqlBlobStore(await _database.ConnectAsync(), time);

    protected override Task<IBlobStore> ConnectToFailingAsync()
    {
        var options = new SqliteStorageOptions { DataDirectory = _broken };
        File.WriteAllText(options.DatabasePath, new string('x', 8192));
        return Task.FromResult<IBlobStore>(new SqlBlobStore(new SqliteDatabase(options), TimeProvider.System));
    }

    public override async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_broken, recursive: true);
    }
}

public sealed class PostgreSqlBlobStoreContractTests : BlobStoreContractTests
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override async Task<IBlobStore> ConnectAsync(TimeProvider time) => new SqlBlobStore(await _database.ConnectAsync(), time);

    protected override Task<IBlobStore> ConnectToFailingAsync()
    {
        var port = Classroom.TestKit.LoopbackPort.Free();
        var options = new PostgreSqlStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Username=nobody;Password=none;Timeout=3", Schema = "unreachable_" + port };
        return Task.FromResult<IBlobStore>(new SqlBlobStore(PostgreSqlDatabase.For(options), TimeProvider.System));
    }

    public override Task DisposeAsync() => _database.DisposeAsync().AsTask();
}

public sealed class FileBlobStoreContractTests : BlobStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-blobs-").FullName;

    protected override Task<IBlobStore> ConnectAsync(TimeProvider time) => Task.FromResult<IBlobStore>(new FileBlobStore(_directory, time));

    /// <summary>A store whose folder was replaced by a file after it started (a lost mount looks much the same).</summary>
    protected override Task<IBlobStore> ConnectToFailingAsync()
    {
        var folder = Path.Combine(_directory, "gone");
        var store = new FileBlobStore(folder, TimeProvider.System);
        Directory.Delete(folder);
        File.WriteAllText(folder, "not a folder");
        return Task.FromResult<IBlobStore>(store);
    }

    [Fact]
    public async Task A_blob_is_one_file_named_by_its_key_and_no_temporary_file_is_left()
    {
        await (await ConnectAsync(TimeProvider.System)).PutAsync("slides.one-file", "application/pdf", [1, 2, 3], default);

        Assert.Equal(["slides.one-file"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
