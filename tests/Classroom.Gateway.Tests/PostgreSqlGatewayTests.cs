using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit;
using Npgsql;

namespace Classroom.Gateway.Tests;

/// <summary>The gateway's co-hosted silo configured for PostgreSQL, as cluster mode runs it.</summary>
public sealed class PostgreSqlGatewayTests : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgreSqlServer.SharedAsync();

    public Task DisposeAsync() => _postgres.DropSchemaAsync(_schema);

    private Dictionary<string, string?> Settings => new()
    {
        ["Classroom:Silo:Storage"] = "postgresql",
        ["Classroom:Silo:PostgreSql:ConnectionString"] = _postgres.ConnectionString,
        ["Classroom:Silo:PostgreSql:Schema"] = _schema,
    };

    [Fact]
    public async Task Accounts_and_lessons_made_on_one_gateway_are_there_for_the_next_one_on_the_same_database()
    {
        string id;
        await using (var first = await GatewayHost.StartAsync(Settings))
        {
            id = await Classrooms.ScheduleAsync(first);
        }

        await using var second = await GatewayHost.StartAsync(Settings);
        using var student = second.CreateClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await second.StudentTokenAsync(1));
        var lesson = (await student.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}"))!;

        Assert.Equal("Linear equations", lesson["preview"]!["title"]!.GetValue<string>());
        Assert.True(await CountAsync("event_log", "classroom", id) > 0);
        Assert.True(await CountAsync("grain_state", "account", "student1") > 0);
    }

    [Fact]
    public async Task An_unknown_storage_kind_stops_the_start_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Silo:Storage"] = "mongodb" }));

        Assert.Contains("use 'sqlite' (embedded) or 'postgresql'", error.Message);
    }

    private async Task<long> CountAsync(string table, string grainType, string key)
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {_schema}.{table} WHERE grain_type = @type AND grain_key = @key", connection);
        command.Parameters.AddWithValue("type", grainType);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
