using System.Data;
using System.Data.Common;
using System.Globalization;
using Classroom.Persistence.Serialization;
using Orleans.Storage;

namespace Classroom.Persistence.Storage;

/// <summary>
/// Orleans grain state in a SQL table, as JSON. Each row carries a version that serves as its ETag: a write names the
/// version it read and changes the row only if that is still the stored one, so a stale activation (say, on a silo
/// wrongly declared dead) cannot overwrite newer state; it gets an <see cref="InconsistentStateException"/> instead.
/// </summary>
/// <remarks>
/// Ours rather than Orleans' ADO.NET provider: that one needs SQL scripts that ship only in Orleans' source repository,
/// stores Orleans' binary format, and has no SQLite flavour for the embedded default.
/// </remarks>
public sealed class SqlGrainStorage(SqlDatabase database, PersistenceJson json) : IGrainStorage
{
    /// <summary>The database this storage writes to.</summary>
    public SqlDatabase Database => database;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.RunAsync(() => ReadCoreAsync(stateName, grainId, grainState));

    private async Task ReadCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = database.Command(connection, StorageKey.Parameters(grainId, stateName),
            "SELECT version, payload FROM {schema}.grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        if (await reader.IsDBNullAsync(1))
        {
            grainState.State = DefaultState<T>.Create();
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = json.Deserialize<T>(reader.GetFieldValue<byte[]>(1));
            grainState.RecordExists = true;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized on the grain's turn: the state may change once the write is under way.
        var payload = json.Serialize(grainState.State);
        var etag = grainState.ETag;
        grainState.ETag = await database.RunAsync(() => ReplaceAsync(grainId, stateName, payload, etag));
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = grainState.ETag;
        grainState.ETag = await database.RunAsync(() => ReplaceAsync(grainId, stateName, null, etag));
        grainState.State = DefaultState<T>.Create();
        grainState.RecordExists = false;
    }

    // A cleared state keeps its row with a null payload (a tombstone), so versions never repeat for a state.
    private async Task<string> ReplaceAsync(GrainId grainId, string stateName, byte[]? payload, string? expectedEtag)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var key = StorageKey.Parameters(grainId, stateName);
        long version;
        DbCommand command;
        if (expectedEtag is null)
        {
            version = 1;
            command = database.Command(connection, key, """
                INSERT INTO {schema}.grain_state (grain_type, grain_key, state_name, version, payload)
                VALUES (@type, @key, @name, 1, @payload) ON CONFLICT DO NOTHING
                """);
        }
        else
        {
            // An ETag this storage never issued matches no row: the update changes nothing and the conflict names the stored one.
            var expected = long.TryParse(expectedEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            version = expected + 1;
            command = database.Command(connection, [.. key, ("@expected", expected)], """
                UPDATE {schema}.grain_state SET version = version + 1, payload = @payload
                WHERE grain_type = @type AND grain_key = @key AND state_name = @name AND version = @expected
                """);
        }

        await using (command)
        {
            SqlDatabase.AddParameter(command, "@payload", payload, DbType.Binary);
            if (await command.ExecuteNonQueryAsync() == 1)
            {
                return version.ToString(CultureInfo.InvariantCulture);
            }
        }

        await using var stored = database.Command(connection, key,
            "SELECT version FROM {schema}.grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        var storedVersion = await stored.ExecuteScalarAsync() is long v ? v.ToString(CultureInfo.InvariantCulture) : null;
        throw Conflict(grainId, stateName, expectedEtag, storedVersion);
    }

    private static InconsistentStateException Conflict(GrainId grainId, string stateName, string? expectedEtag, string? storedEtag) =>
        new($"State '{stateName}' of grain {grainId} was not written: it was read at ETag '{expectedEtag ?? "(none)"}' " +
            $"but the store holds ETag '{storedEtag ?? "(none)"}'. Another writer changed it; re-read before writing.",
            storedEtag ?? "(none)", expectedEtag ?? "(none)");
}

/// <summary>The value of a state nothing was stored for: a new instance when the type has a parameterless constructor.</summary>
internal static class DefaultState<TState>
{
    private static readonly bool s_constructible = typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null;

    public static TState Create() => s_constructible ? Activator.CreateInstance<TState>() : default!;
}
