using System.Net;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit;
using Npgsql;
using static Classroom.Gateway.Tests.Fixtures.SlideRequests;

namespace Classroom.Gateway.Tests;

/// <summary>A deck stored and served by a gateway whose blobs are in PostgreSQL (as cluster mode runs it) or in a folder.</summary>
public sealed class SlidesStorageTests : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "classroom-slides-" + Guid.NewGuid().ToString("N"));
    private PostgreSqlServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgreSqlServer.SharedAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DropSchemaAsync(_schema);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task On_postgresql_the_deck_is_a_row_of_the_blob_table_served_the_same_by_the_next_gateway()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Classroom:Silo:Storage"] = "postgresql",
            ["Classroom:Silo:PostgreSql:ConnectionString"] = _postgres.ConnectionString,
            ["Classroom:Silo:PostgreSql:Schema"] = _schema,
        };
        string url;
        byte[] served;
        await using (var first = await GatewayHost.StartAsync(settings))
        {
            (url, served) = await UploadAndFetchAsync(first);
            Assert.Equal(1, await StoredBlobsAsync(first));
        }

        await using var second = await GatewayHost.StartAsync(settings);

        Assert.Equal(served, await second.Http.GetByteArrayAsync(url));
        Assert.Equal(served.Length, await BlobLengthAsync($"slides.{url.Split('/')[^1]}"));
    }

    [Fact]
    public async Task In_a_folder_the_deck_is_one_file_named_by_its_key()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Classroom:Blobs:Provider"] = "files",
            ["Classroom:Blobs:Directory"] = _folder,
        });

        var (url, served) = await UploadAndFetchAsync(host);

        Assert.Equal([$"slides.{url.Split('/')[^1]}"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.True(new FileInfo(Directory.GetFiles(_folder)[0]).Length > served.Length);
    }

    [Fact]
    public async Task An_unknown_blob_provider_stops_the_start_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Blobs:Provider"] = "s3" }));

        Assert.Contains("use 'database' (the deployment's database) or 'files'", error.Message);
    }

    private static async Task<(string Url, byte[] Served)> UploadAndFetchAsync(GatewayHost host)
    {
        using var teacher = await NewAccountAsync(host);
        var (status, deck) = await UploadAsync(teacher, await ScheduleAsync(teacher), Pdf(TestPdfs.Slides(2)));
        Assert.Equal(HttpStatusCode.Created, status);
        var url = deck!["url"]!.GetValue<string>();
        var served = await host.Http.GetByteArrayAsync(url);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(served[..5]));
        return (url, served);
    }

    private async Task<long> BlobLengthAsync(string key)
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT length(content) FROM {_schema}.blob WHERE blob_key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
