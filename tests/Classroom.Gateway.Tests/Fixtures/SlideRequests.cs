using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Persistence.Blobs;
using Classroom.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>Teachers with lessons of their own, uploads, and what the gateway has stored, for the slide tests.</summary>
public static class SlideRequests
{
    private const string Password = "slides for the class";

    /// <summary>A client signed in as a new account of <paramref name="kind"/>, with an upload allowance of its own.</summary>
    public static async Task<HttpClient> NewAccountAsync(GatewayHost host, string kind = "teacher", string language = GatewayHost.TestLanguage)
    {
        var userName = $"slides-{Guid.NewGuid():N}"[..20];
        (await host.Http.PostAsJsonAsync("/api/accounts", new { userName, password = Password, displayName = "讲课的人", kind })).EnsureSuccessStatusCode();
        var client = host.CreateClient(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(userName, Password));
        return client;
    }

    /// <summary>Schedules a lesson taught by the caller of <paramref name="teacher"/>; its id.</summary>
    public static async Task<string> ScheduleAsync(HttpClient teacher)
    {
        var response = await teacher.PostAsJsonAsync("/api/lessons", new
        {
            title = "Linear equations", subject = "math", grade = 8, courseType = "textbook", description = "",
            startsAt = "2030-06-01T14:30:00+08:00", duration = "01:00:00",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["classroomId"]!.GetValue<string>();
    }

    public static async Task<(HttpStatusCode Status, JsonObject? Body)> UploadAsync(HttpClient client, string classroomId, HttpContent content, string? name = null)
    {
        using var response = await client.PostAsync($"/api/lessons/{classroomId}/slides{(name is null ? "" : $"?name={Uri.EscapeDataString(name)}")}", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonObject>());
    }

    public static ByteArrayContent Pdf(byte[] bytes, string contentType = "application/pdf")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string field = "file", string contentType = "application/pdf") =>
        new() { { Pdf(bytes, contentType), field, fileName } };

    /// <summary>Blobs in the gateway's blob store (a SQL table or a folder's files).</summary>
    public static async Task<long> StoredBlobsAsync(GatewayHost host)
    {
        var store = host.Services.GetRequiredService<IBlobStore>();
        if (store is FileBlobStore files)
        {
            return Directory.Exists(files.Folder) ? Directory.GetFiles(files.Folder).Count(f => !Path.GetFileName(f).StartsWith('.')) : 0;
        }

        return await CountAsync(((SqlBlobStore)store).Database, "SELECT COUNT(*) FROM {schema}.blob");
    }

    /// <summary>Deck records in the gateway's grain storage.</summary>
    public static Task<long> StoredDecksAsync(GatewayHost host) =>
        CountAsync(((SqlGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)).Database,
            "SELECT COUNT(*) FROM {schema}.grain_state WHERE grain_type = 'slide-deck'");

    private static async Task<long> CountAsync(SqlDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var count = database.Command(connection, [], sql);
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
