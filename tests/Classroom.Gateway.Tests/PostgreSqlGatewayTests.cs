using System.Net;
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

    [Fact]
    public async Task While_the_database_fails_callers_are_told_to_come_back_and_nothing_is_lost()
    {
        await using var host = await GatewayHost.StartAsync(Settings);
        var id = await Classrooms.ScheduleAsync(host);
        await using var teacher = await host.ConnectAsync(await host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await teacher.InvokeAsync("PostChat", id, "before the failure");
        using var http = host.CreateClient(language: "zh-CN");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TeacherTokenAsync());

        await ExecuteAsync($"ALTER TABLE {_schema}.event_log RENAME TO event_log_away; ALTER TABLE {_schema}.grain_state RENAME TO grain_state_away");
        var events = await http.GetAsync($"/api/lessons/{id}/replay/events?after=0&max=100");
        var register = await host.Http.PostAsJsonAsync("/api/accounts", new { userName = "li.lei", password = "a long lesson plan", displayName = "李雷", kind = "student" });
        var join = await Assert.ThrowsAsync<HubError>(() => Classrooms.JoinAsync(teacher, "never-scheduled"));
        await ExecuteAsync($"ALTER TABLE {_schema}.event_log_away RENAME TO event_log; ALTER TABLE {_schema}.grain_state_away RENAME TO grain_state");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, events.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), events.Headers.RetryAfter?.Delta);
        var problem = (await events.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("server.unavailable", "服务暂时不可用（数据库正在恢复），请稍后再试。"), (problem["code"]!.GetValue<string>(), problem["detail"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, register.StatusCode);
        Assert.Contains("HubException: [server.unavailable] ", join.Message, StringComparison.Ordinal);

        // Back: what was there is there, and the refused calls go through when repeated.
        var after = (await http.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay/events?after=0&max=100"))!;
        Assert.Contains("before the failure", after["events"]!.AsArray().Select(e => e!["data"]?["text"]?.GetValue<string>()));
        var again = await host.Http.PostAsJsonAsync("/api/accounts", new { userName = "li.lei", password = "a long lesson plan", displayName = "李雷", kind = "student" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.DoesNotContain(host.Logs.Records, r => r.Category.EndsWith(".ApiErrors", StringComparison.Ordinal)); // a 503, not an unexpected 500
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
