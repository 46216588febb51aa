using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Classroom.Bench.Measurement;

namespace Classroom.Bench.Fanout;

/// <summary>
/// N real WebSocket viewers in one classroom, R chat events a second posted through the hub, for S seconds; against the
/// gateway (its silo co-hosted), or with --baseline against a plain SignalR group broadcast, each run in a child process
/// of this program on loopback. Viewers and server share the machine's 2 cores, the same way for both. With
/// <c>board</c>, the teacher draws instead of chatting (<see cref="BoardLoad"/>): the latencies are those of a stroke's
/// points reaching every viewer.
/// </summary>
internal static class FanoutBenchmark
{
    private const string BaselineClassroom = "fanout";

    public static async Task<string> RunAsync(BenchOptions options, bool board = false)
    {
        var viewerCount = options.Int("viewers", board ? 2000 : 1000, max: 19_000);
        var rate = options.Int("rate", board ? 25 : 20, max: board ? 50 : 10_000);
        var seconds = options.Int("seconds", board ? 20 : 10, max: 600);
        var warmup = options.Int("warmup", 10, max: 600);
        var baseline = !board && options.Flag("baseline");
        var round = 0;
        Task<int> DriveAsync(BenchViewer teacher, string classroomId, int rate, TimeSpan duration) => board
            ? BoardLoad.DriveAsync(teacher, classroomId, rate, duration, ++round)
            : DriveChatAsync(teacher, classroomId, rate, duration);

        using var server = StartServer(baseline, out var address);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            var teacherToken = baseline ? "" : await TokenAsync(http, "teacher", "teacher-demo");
            var teacherHub = new Uri(address, baseline ? "/hubs/baseline" : $"/hubs/classroom?access_token={Uri.EscapeDataString(teacherToken)}");
            var classroomId = baseline ? BaselineClassroom : await ScheduleAsync(http, teacherToken);
            await using var teacher = new BenchViewer();
            await teacher.JoinAsync(ToWebSocket(teacherHub), classroomId);
            if (!baseline)
            {
                await teacher.InvokeAsync("StartLesson", $"\"{classroomId}\"");
            }

            var viewers = await ConnectViewersAsync(http, address, classroomId, viewerCount, baseline);

            // The same load, unmeasured, until the server's JIT has settled: a long-running gateway is past its warm-up.
            var warmedUp = await DriveAsync(teacher, classroomId, rate, TimeSpan.FromSeconds(warmup));
            await DrainAsync(() => teacher.ChatSeqs.Count >= warmedUp);
            var warmedThrough = teacher.ChatSeqs.DefaultIfEmpty().Max();
            await DrainAsync(() => viewers.All(v => v.LastSeq >= warmedThrough));
            foreach (var viewer in viewers.Append(teacher))
            {
                viewer.StartMeasuring();
            }

            var cpu = CpuMeter.Start(server);
            var started = Stopwatch.GetTimestamp();
            var sent = await DriveAsync(teacher, classroomId, rate, TimeSpan.FromSeconds(seconds));
            var driven = Stopwatch.GetElapsedTime(started);
            await DrainAsync(() => teacher.ChatSeqs.Count >= sent);
            var last = teacher.ChatSeqs.DefaultIfEmpty().Max();
            await DrainAsync(() => viewers.All(v => v.LastSeq >= last));
            var usage = cpu.Stop();
            var rssMb = ResidentMegabytes(server);
            // Every reader stopped, the teacher's too: the counts are final and nothing changes them while measuring.
            await Task.WhenAll(viewers.Append(teacher).Select(v => v.DisposeAsync().AsTask()));
            return Measure(viewers, teacher, teacher.ChatSeqs.Count, driven, board ? "board" : baseline ? "fanout-baseline" : "fanout", rssMb, usage);
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(10_000))
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Starts this program's fanout-server in a child process and reads the address it listens on.</summary>
    private static Process StartServer(bool baseline, out Uri address)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FanoutBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("fanout-server");

        if (baseline)
        {
            start.ArgumentList.Add("--baseline");
        }

        var server = Process.Start(start)!;
        while (server.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                address = new Uri(line["listening ".Length..]);
                return server;
            }
        }

        throw new InvalidOperationException("The fan-out server exited before listening.");
    }

    private static long ResidentMegabytes(Process process) =>
        File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault();

    private static async Task<string> ScheduleAsync(HttpClient http, string teacherToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lessons")
        {
            Content = JsonContent.Create(new
            {
                title = "Fan-out", subject = "math", grade = 8, courseType = "textbook", description = "",
                startsAt = DateTimeOffset.UtcNow, duration = "01:00:00",
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", teacherToken);
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

    private static async Task<List<BenchViewer>> ConnectViewersAsync(HttpClient http, Uri address, string classroomId, int count, bool baseline)
    {
        var viewers = new BenchViewer[count];
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var hub = new Uri(address, "/hubs/baseline");
                if (!baseline)
                {
                    var response = await http.PostAsJsonAsync("/api/accounts/guest", new { displayName = $"viewer {i}" });
                    var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
                    hub = new Uri(address, $"/hubs/classroom?access_token={Uri.EscapeDataString(token)}");
                }

                viewers[i] = new BenchViewer();
                await viewers[i].JoinAsync(ToWebSocket(hub), classroomId);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. viewers];
    }

    /// <summary>Posts chats carrying their send time at <paramref name="rate"/> a second, as fire-and-forget hub calls.</summary>
    private static async Task<int> DriveChatAsync(BenchViewer teacher, string classroomId, int rate, TimeSpan duration)
    {
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        for (; Stopwatch.GetElapsedTime(start) < duration; sent++)
        {
            var due = interval * sent;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await teacher.SendAsync($"{{\"type\":1,\"target\":\"PostChat\",\"arguments\":[\"{classroomId}\",\"t{Stopwatch.GetTimestamp()}\"]}}\u001e");
        }

        return sent;
    }

    /// <summary>Gives deliveries in flight up to 15 s to arrive (a load generator may poll; tests may not).</summary>
    private static async Task DrainAsync(Func<bool> arrived)
    {
        var deadline = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        while (!arrived() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static string Measure(List<BenchViewer> viewers, BenchViewer teacher, int expected, TimeSpan driven, string benchmark, long serverRssMb, CpuUsage usage)
    {
        var histogram = new LatencyHistogram();
        long lost = 0, outOfOrder = 0, duplicates = 0, deliveries = 0, frames = 0, resyncs = 0, pointerFrames = 0;
        var max = 0L;
        foreach (var viewer in viewers)
        {
            foreach (var ticks in viewer.LatencyTicks)
            {
                histogram.Record(ticks);
                max = Math.Max(max, ticks);
            }

            lost += teacher.ChatSeqs.Count(s => !viewer.ChatSeqs.Contains(s));
            outOfOrder += viewer.OutOfOrder;
            duplicates += viewer.Duplicates;
            deliveries += viewer.Deliveries;
            frames += viewer.Frames;
            resyncs += viewer.Resyncs;
            pointerFrames += viewer.PointerFrames;
        }

        return JsonSerializer.Serialize(new FanoutResult(
            benchmark, viewers.Count, Math.Round(expected / driven.TotalSeconds, 1), Math.Round(deliveries / driven.TotalSeconds),
            Math.Round(histogram.QuantileMicros(0.5) / 1000, 1), Math.Round(histogram.QuantileMicros(0.99) / 1000, 1),
            Math.Round(max * 1000.0 / Stopwatch.Frequency, 1), lost, outOfOrder, duplicates, resyncs, serverRssMb,
            Math.Round(frames / driven.TotalSeconds), Math.Round(pointerFrames / driven.TotalSeconds), usage.ServerPercent, usage.ViewersPercent),
            BenchJsonContext.Default.FanoutResult);
    }

    private static Uri ToWebSocket(Uri uri) => new UriBuilder(uri) { Scheme = "ws" }.Uri;
}

/// <param name="ServerRssMb">Resident memory of the server process at the end of the run.</param>
/// <param name="FramesPerSecond">"events" frames the viewers received a second (each carries one or more events).</param>
/// <param name="PointerFramesPerSecond">"pointer" frames (the laser pointer) the viewers received a second.</param>
/// <param name="ServerCpuPercent">CPU the server process used while measured, in percent of one core (this machine has 2).</param>
/// <param name="ViewersCpuPercent">The same for this process: the viewers and the teacher.</param>
internal sealed record FanoutResult(
    string Benchmark, int Viewers, double EventsPerSecond, double DeliveriesPerSecond, double P50Millis, double P99Millis,
    double MaxMillis, long Lost, long OutOfOrder, long Duplicates, long Resyncs, long ServerRssMb,
    double FramesPerSecond, double PointerFramesPerSecond, double ServerCpuPercent, double ViewersCpuPercent);

/// <summary>CPU used by the server process and by this one over the measured window.</summary>
internal readonly record struct CpuUsage(double ServerPercent, double ViewersPercent);

internal sealed class CpuMeter
{
    private readonly Process _server;
    private readonly TimeSpan _server0;
    private readonly TimeSpan _self0;
    private readonly long _started = Stopwatch.GetTimestamp();

    private CpuMeter(Process server)
    {
        _server = server;
        server.Refresh();
        _server0 = server.TotalProcessorTime;
        _self0 = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static CpuMeter Start(Process server) => new(server);

    public CpuUsage Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        _server.Refresh();
        return new CpuUsage(
            Math.Round((_server.TotalProcessorTime - _server0).TotalSeconds * 100 / elapsed),
            Math.Round((Process.GetCurrentProcess().TotalProcessorTime - _self0).TotalSeconds * 100 / elapsed));
    }
}
