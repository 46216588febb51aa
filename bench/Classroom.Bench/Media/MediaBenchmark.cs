using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Classroom.Bench.Measurement;
using Classroom.Gateway.Extensions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace Classroom.Bench.Media;

/// <summary>
/// Lesson media through one gateway (its silo co-hosted, SQLite, loopback; load and server share the machine): how
/// long from a segment's upload until a viewer has heard of it and fetched it (what "playable" needs), and how many
/// segment requests per second the gateway itself serves to N concurrent clients (no cache in front).
/// </summary>
internal static class MediaBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var clients = options.Int("clients", 64, max: 2_000);
        var seconds = options.Int("seconds", 10, max: 300);
        var segmentCount = options.Int("segments", 30, max: 1_000);
        var bytes = options.Int("bytes", 125_000, min: 10_000, max: 4_000_000);
        var directory = Directory.CreateTempSubdirectory("classroom-media-").FullName;
        try
        {
            await using var app = Gateway(directory);
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8 }) { BaseAddress = address };
            var teacherToken = await TokenAsync(http, "teacher", "teacher-demo");
            var classroomId = await ScheduleAsync(http, teacherToken);
            await using var teacher = await ConnectAsync(address, teacherToken);
            await teacher.InvokeAsync<JsonElement>("JoinClassroom", classroomId, null, false);
            await teacher.InvokeAsync("StartLesson", classroomId);
            var streamId = (await teacher.InvokeAsync<JsonElement>("StartBroadcast", classroomId, "camera", true, true)).GetProperty("streamId").GetString()!;
            await using var viewer = await ConnectAsync(address, await TokenAsync(http, "student1", "student-demo"));
            var announced = new System.Collections.Concurrent.ConcurrentDictionary<long, TaskCompletionSource>();
            viewer.On<JsonElement, long>("events", (events, _) =>
            {
                foreach (var e in events.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "media.segment-added"))
                {
                    announced.GetOrAdd(e.GetProperty("data").GetProperty("number").GetInt64(), _ => new()).TrySetResult();
                }
            });
            await viewer.InvokeAsync<JsonElement>("JoinClassroom", classroomId, null, false);

            var (toEvent, toFetched) = await UploadToPlayableAsync(http, teacherToken, classroomId, streamId, segmentCount, bytes, announced);
            var urls = Enumerable.Range(1, segmentCount).Select(n => $"/api/media/{streamId}/av/{n}.webm").ToArray();
            await ServeAsync(http, urls, clients, TimeSpan.FromSeconds(2));
            var (requests, served, elapsed, latency) = await ServeAsync(http, urls, clients, TimeSpan.FromSeconds(seconds));
            // Connections close before the host stops, so the lesson's leaves are not cut off by the shutdown.
            await viewer.DisposeAsync();
            await teacher.DisposeAsync();
            await app.StopAsync();
            return JsonSerializer.Serialize(new MediaResult(
                segmentCount, bytes, Percentile(toEvent, 0.5), Percentile(toEvent, 0.95), Percentile(toEvent, 1),
                Percentile(toFetched, 0.5), Percentile(toFetched, 0.95), Percentile(toFetched, 1), clients, seconds,
                Math.Round(requests / elapsed.TotalSeconds), Math.Round(served / elapsed.TotalSeconds / (1024 * 1024), 1),
                Percentile(latency, 0.5), Percentile(latency, 0.99)), BenchJsonContext.Default.MediaResult);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Uploads segments a quarter second apart, each timed until the viewer is told of it and until it has fetched it.</summary>
    private static async Task<(List<double> ToEvent, List<double> ToFetched)> UploadToPlayableAsync(
        HttpClient http, string token, string classroomId, string streamId, int count, int bytes,
        System.Collections.Concurrent.ConcurrentDictionary<long, TaskCompletionSource> announced)
    {
        var (toEvent, toFetched) = (new List<double>(), new List<double>());
        for (var n = 1; n <= count; n++)
        {
            var segment = SyntheticSegment.Create(bytes, n);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/lessons/{classroomId}/media/segments/{n}?offset={(n - 1) * 1000}&duration=1000")
            {
                Content = new ByteArrayContent(segment),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            var upload = http.SendAsync(request);
            await announced.GetOrAdd(n, _ => new()).Task.WaitAsync(TimeSpan.FromSeconds(30));
            toEvent.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var fetched = await http.GetByteArrayAsync($"/api/media/{streamId}/av/{n}.webm");
            toFetched.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            (await upload).EnsureSuccessStatusCode();
            if (fetched.Length != segment.Length)
            {
                throw new InvalidOperationException($"segment {n}: fetched {fetched.Length} bytes of {segment.Length}");
            }

            await Task.Delay(250);
        }

        return (toEvent, toFetched);
    }

    /// <summary>N clients each GET segments round-robin for the duration: requests, bytes, time, and each request's latency (ms).</summary>
    private static async Task<(long Requests, long Bytes, TimeSpan Elapsed, List<double> Latency)> ServeAsync(HttpClient http, string[] urls, int clients, TimeSpan duration)
    {
        long requests = 0, served = 0;
        var latencies = new List<double>[clients];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var buffer = new byte[256 * 1024];
            for (var i = c; Stopwatch.GetElapsedTime(started) < duration; i++)
            {
                var begun = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(urls[i % urls.Length], HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    Interlocked.Add(ref served, read);
                }

                latencies[c].Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                Interlocked.Increment(ref requests);
            }
        }));
        return (requests, served, Stopwatch.GetElapsedTime(started), [.. latencies.SelectMany(l => l)]);
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)], 1);
    }

    private static WebApplication Gateway(string directory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Classroom:Silo:DataDirectory"] = directory,
            ["Classroom:Gateway:SeedDemo"] = "true",
            ["Classroom:Gateway:ConnectionsPerMinute"] = "1000000",
        });
        builder.AddClassroomGateway();
        var app = builder.Build();
        app.MapClassroomGateway();
        return app;
    }

    private static async Task<HubConnection> ConnectAsync(Uri address, string token)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/classroom"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        await hub.StartAsync();
        return hub;
    }

    private static async Task<string> ScheduleAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lessons")
        {
            Content = JsonContent.Create(new { title = "Media", subject = "math", grade = 8, courseType = "textbook", description = "", startsAt = DateTimeOffset.UtcNow, duration = "01:00:00" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("classroomId").GetString()!;
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        var response = await http.PostAsJsonAsync("/api/accounts/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}

/// <param name="UploadToEventP50Ms">From the upload's start until the viewer's hub connection has the segment's event.</param>
/// <param name="UploadToFetchedP50Ms">Until the viewer has fetched the whole segment too: what it needs to play it.</param>
/// <param name="RequestsPerSecond">Segment GETs the gateway served, N clients each with one request in flight.</param>
internal sealed record MediaResult(
    int Segments, int SegmentBytes, double UploadToEventP50Ms, double UploadToEventP95Ms, double UploadToEventMaxMs,
    double UploadToFetchedP50Ms, double UploadToFetchedP95Ms, double UploadToFetchedMaxMs, int Clients, int Seconds,
    double RequestsPerSecond, double MegabytesPerSecond, double RequestP50Ms, double RequestP99Ms);
