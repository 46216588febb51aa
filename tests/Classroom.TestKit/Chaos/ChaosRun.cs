using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Classroom.TestKit.Chaos;

/// <summary>What a chaos run does, and for how long.</summary>
/// <param name="SiloDll">The built Classroom.Silo.dll; <paramref name="GatewayDll"/> likewise.</param>
public sealed record ChaosOptions(
    string SiloDll,
    string GatewayDll,
    int Viewers = 1000,
    int Voters = 20,
    TimeSpan? Duration = null,
    TimeSpan? SiloKillEvery = null,
    double ChatsPerSecond = 4,
    bool RestartGateway = true,
    bool RestartRedis = true,
    bool RestartPostgreSql = true)
{
    public TimeSpan RunFor => Duration ?? TimeSpan.FromMinutes(5);

    public TimeSpan KillEvery => SiloKillEvery ?? TimeSpan.FromSeconds(30);
}

/// <summary>What a chaos run found. Every acknowledged action must be in the log, and no viewer may miss or repeat an event.</summary>
public sealed record ChaosReport(
    double Seconds,
    int Viewers,
    int AcknowledgedChats,
    int AcknowledgedVotes,
    int AcknowledgedMissingFromLog,
    int DuplicatesInLog,
    int ViewersWithGap,
    int ViewersWithDuplicate,
    double LongestRefusalSeconds,
    int Resyncs,
    int Reconnects,
    int Snapshots,
    IReadOnlyDictionary<string, int> Refused,
    IReadOnlyList<string> Faults,
    IReadOnlyList<string> GatewayFailures);

/// <summary>
/// A live lesson on a real cluster under faults: three silo processes and two gateway processes over a private Redis
/// and PostgreSQL; a teacher chatting at a steady pace, students voting, viewers spread over both gateways. Meanwhile a
/// silo is killed (-9) or, every other time, stopped (SIGTERM) and a fresh one started every
/// <see cref="ChaosOptions.KillEvery"/>, one gateway is stopped and
/// started again (its viewers go to the other and resume), Redis is restarted, PostgreSQL is restarted. Afterwards
/// the lesson's log is read and compared with what was acknowledged and with what each viewer applied.
/// </summary>
public static class ChaosRun
{
    private const string Teacher = "teacher";

    public static async Task<ChaosReport> RunAsync(ChaosOptions options, Action<string> say)
    {
        var clock = Stopwatch.StartNew();
        var faults = new List<string>();
        void Fault(string what)
        {
            var line = $"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}";
            lock (faults)
            {
                faults.Add(line);
            }

            say(line);
        }

        await using var redis = await RedisServer.StartAsync();
        var postgres = await PostgreSqlServer.SharedAsync();
        var schema = PostgreSqlServer.NewSchema();
        var environment = ClusterEnvironment.For(redis, postgres, schema, "chaos-" + Guid.NewGuid().ToString("N")[..8]);
        environment["Classroom__Gateway__ChatPerSecond"] = "100";
        environment["Classroom__Gateway__ChatBurst"] = "100";
        var silos = new List<ChildProcess>();
        var gateways = new List<(ChildProcess Process, Uri Address)>();
        var everyGateway = new List<ChildProcess>();
        var started = 0;
        async Task StartSiloAsync()
        {
            var silo = ChildProcess.Start($"silo{++started}", options.SiloDll, [],
                new Dictionary<string, string>(environment) { ["Classroom__Cluster__Port"] = $"{LoopbackPort.Free()}" });
            lock (silos)
            {
                silos.Add(silo);
            }

            await silo.WaitForOutputAsync("Started silo ");
        }

        async Task<ChildProcess> StartGatewayAsync(Uri address, string name)
        {
            var process = ChildProcess.Start(name, options.GatewayDll, ["--urls", address.ToString().TrimEnd('/')], environment);
            everyGateway.Add(process);
            await process.WaitForOutputAsync("Application started");
            return process;
        }

        var clients = new List<ChaosClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await StartSiloAsync();
            }

            for (var i = 0; i < 2; i++)
            {
                var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
                gateways.Add((await StartGatewayAsync(address, $"gateway{i + 1}"), address));
            }

            var addresses = gateways.Select(g => g.Address).ToList();
            using var http = new HttpClient { BaseAddress = addresses[0], Timeout = TimeSpan.FromSeconds(30) };
            var teacherToken = await GatewayApi.TokenAsync(http, "/api/accounts/login", new { userName = Teacher, password = "teacher-demo" });
            var id = await GatewayApi.ScheduleAsync(http, teacherToken, "Chaos");
            say($"lesson {id}: 3 silos, 2 gateways, {options.Viewers} viewers, {options.Voters} voters, {options.RunFor.TotalSeconds:0} s");

            var teacher = new ChaosClient(addresses, 0, teacherToken, id, asViewer: false);
            clients.Add(teacher);
            await teacher.StartAsync();
            await teacher.InvokeAsync("StartLesson");
            var pollId = (await teacher.InvokeAsync("CreatePoll", new { question = "x = ?", options = new[] { "1", "2", "3", "4" } }))!.GetValue<string>();

            var voters = new List<ChaosClient>();
            var voterNames = new List<string>();
            for (var i = 0; i < options.Voters; i++)
            {
                voterNames.Add($"chaos{i}-{Guid.NewGuid():N}"[..20]);
                var token = await GatewayApi.RegisterStudentAsync(http, voterNames[^1]);
                var voter = new ChaosClient(addresses, i, token, id, asViewer: false);
                clients.Add(voter);
                voters.Add(voter);
                await voter.StartAsync();
            }

            var viewers = new List<ChaosClient>();
            foreach (var batch in Enumerable.Range(0, options.Viewers).Chunk(50))
            {
                var joined = await Task.WhenAll(batch.Select(async i =>
                {
                    var viewer = new ChaosClient(addresses, i, await GatewayApi.TokenAsync(http, "/api/accounts/guest", new { displayName = $"访客{i}" }), id, asViewer: true);
                    await viewer.StartAsync();
                    return viewer;
                }));
                viewers.AddRange(joined);
                clients.AddRange(joined);
            }

            say($"{clock.Elapsed.TotalSeconds:0} s: everyone joined; the load and the faults start");

            // The load: the teacher's chat at a steady pace, each student's vote every 2 s (choices change, so every
            // acknowledged vote is an event of its own in the log).
            var acknowledgedChats = new List<string>();
            var acknowledgedVotes = new int[options.Voters];
            var refused = new Dictionary<string, int>();
            var lastChatAck = Stopwatch.StartNew();
            var longestRefusal = TimeSpan.Zero;
            var running = new CancellationTokenSource(options.RunFor);
            var load = Stopwatch.StartNew();
            void Refused(ChaosRefusal e)
            {
                var reason = e.Message.Replace("An unexpected error occurred invoking", "", StringComparison.Ordinal);
                lock (refused)
                {
                    refused[reason] = refused.GetValueOrDefault(reason) + 1;
                }
            }

            var chatting = Task.Run(async () =>
            {
                for (var n = 0; !running.IsCancellationRequested; n++)
                {
                    try
                    {
                        var answer = await teacher.InvokeAsync("PostChat", $"chaos {n}");
                        lock (acknowledgedChats)
                        {
                            acknowledgedChats.Add(answer!["messageId"]!.GetValue<string>());
                            longestRefusal = lastChatAck.Elapsed > longestRefusal ? lastChatAck.Elapsed : longestRefusal;
                            lastChatAck.Restart();
                        }
                    }
                    catch (ChaosRefusal e)
                    {
                        Refused(e);
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1 / options.ChatsPerSecond));
                }
            });
            var voting = voters.Select((voter, i) => Task.Run(async () =>
            {
                for (var n = 0; !running.IsCancellationRequested; n++)
                {
                    try
                    {
                        await voter.InvokeAsync("Vote", pollId, new[] { n % 4 });
                        Interlocked.Increment(ref acknowledgedVotes[i]);
                    }
                    catch (ChaosRefusal e)
                    {
                        Refused(e);
                    }

                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            })).ToList();

            // The faults, on a schedule over the run.
            var total = options.RunFor;
            var schedule = new List<(TimeSpan At, string What, Func<Task> Do)>();
            // Every other round the silo is stopped as a deployment stops it (SIGTERM: Orleans hands its grains over)
            // rather than killed: a graceful stop must lose nothing either.
            var round = 0;
            for (var at = options.KillEvery; at < total - TimeSpan.FromSeconds(5); at += options.KillEvery)
            {
                var graceful = round++ % 2 == 1;
                schedule.Add((at, graceful ? "stop a silo, start a fresh one" : "kill -9 a silo, start a fresh one", async () =>
                {
                    ChildProcess victim;
                    lock (silos)
                    {
                        victim = silos[Random.Shared.Next(silos.Count)];
                        silos.Remove(victim);
                    }

                    if (graceful)
                    {
                        Fault($"stopping {victim.Name} (SIGTERM)");
                        await victim.StopAsync();
                        Fault($"{victim.Name} stopped");
                    }
                    else
                    {
                        victim.Kill();
                        Fault($"killed {victim.Name}");
                    }

                    await StartSiloAsync();
                    Fault($"started silo{started}");
                }));
            }

            if (options.RestartGateway)
            {
                schedule.Add((total * 0.3, "restart gateway2", async () =>
                {
                    Fault("stopping gateway2 (SIGTERM): its viewers move to gateway1");
                    await gateways[1].Process.StopAsync();
                    gateways[1] = (await StartGatewayAsync(gateways[1].Address, "gateway2"), gateways[1].Address);
                    Fault("gateway2 started again");
                }));
            }

            if (options.RestartRedis)
            {
                schedule.Add((total * 0.5, "restart Redis", async () =>
                {
                    Fault("restarting Redis (saving its data)");
                    await redis.RestartKeepingDataAsync();
                    Fault("Redis back");
                }));
            }

            if (options.RestartPostgreSql)
            {
                schedule.Add((total * 0.7, "restart PostgreSQL", async () =>
                {
                    Fault("restarting PostgreSQL (fast)");
                    await postgres.RestartAsync();
                    Fault("PostgreSQL back");
                }));
            }

            foreach (var (at, _, act) in schedule.OrderBy(s => s.At))
            {
                var wait = at - load.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await act();
            }

            await chatting;
            await Task.WhenAll(voting);
            longestRefusal = lastChatAck.Elapsed > longestRefusal ? lastChatAck.Elapsed : longestRefusal;

            // Let the last frames arrive, then compare.
            var final = (await teacher.InvokeAsync("PostChat", "the end"))!["messageId"]!.GetValue<string>();
            acknowledgedChats.Add(final);
            var finalSeq = Seq(final);
            var settle = Stopwatch.StartNew();
            while (viewers.Any(v => v.Through < finalSeq) && settle.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }

            var log = await ReadLogAsync(http, teacherToken, id);
            var logged = log.Select(e => e.Seq).ToHashSet();
            var chatTexts = log.Where(e => e.Type == "chat.posted").GroupBy(e => e.Text).Count(g => g.Count() > 1);
            var votesLogged = log.Where(e => e.Type == "poll.vote").GroupBy(e => e.Student).ToDictionary(g => g.Key!, g => g.Count());
            var missingChats = acknowledgedChats.Count(m => !logged.Contains(Seq(m)));
            // Every acknowledged vote is an event of its own (each changes the student's choice), so a student's votes
            // in the log must number at least the ones acknowledged.
            var missingVotes = voterNames.Select((name, i) => Math.Max(0, acknowledgedVotes[i] - votesLogged.GetValueOrDefault(name))).Sum();

            var visible = log.Where(e => e.Audience == "everyone").Select(e => e.Seq).ToList();
            var withGap = viewers.Count(v => HasGap(v, visible, finalSeq));
            var report = new ChaosReport(
                Math.Round(clock.Elapsed.TotalSeconds, 1), viewers.Count, acknowledgedChats.Count, acknowledgedVotes.Sum(),
                missingChats + missingVotes, chatTexts, withGap, viewers.Count(v => v.Duplicates > 0),
                Math.Round(longestRefusal.TotalSeconds, 2), clients.Sum(c => c.Resyncs), clients.Sum(c => c.Reconnects),
                viewers.Sum(v => v.Snapshots.Count - 1), refused, faults,
                // What the gateways logged of calls that failed unexpectedly (HubGuard's "Hub method … failed"), to explain them.
                [.. everyGateway.SelectMany(g => g.LinesWith("Hub method", following: 2).Select(line => $"{g.Name}: {line}"))]);
            return report;
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
            foreach (var process in gateways.Select(g => g.Process).Concat(silos))
            {
                process.Kill();
            }

            await postgres.DropSchemaAsync(schema);
        }
    }

    /// <summary>
    /// True when a viewer neither applied nor was given a snapshot covering some event it may see, between its first
    /// join and the last acknowledged chat.
    /// </summary>
    private static bool HasGap(ChaosClient viewer, List<long> visible, long through)
    {
        var snapshots = viewer.Snapshots;
        var start = snapshots.Count > 0 ? snapshots[0] : 0;
        var applied = viewer.Applied.ToHashSet();
        return visible.Any(seq => seq > start && seq <= through && !applied.Contains(seq) && !snapshots.Skip(1).Any(s => s >= seq));
    }

    private static long Seq(string messageId) => long.Parse(messageId[1..], System.Globalization.CultureInfo.InvariantCulture);

    private sealed record LoggedEvent(long Seq, string Type, string Audience, string? Text, string? Student);

    private static async Task<List<LoggedEvent>> ReadLogAsync(HttpClient http, string token, string id)
    {
        var events = new List<LoggedEvent>();
        var waited = Stopwatch.StartNew();
        for (var after = 0L; ;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/lessons/{id}/replay/events?after={after}&max=1000");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                // The database is still coming back from the last fault: the gateway says when to ask again.
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            foreach (var e in page["events"]!.AsArray())
            {
                events.Add(new LoggedEvent(e!["seq"]!.GetValue<long>(), e["type"]!.GetValue<string>(), e["audience"]?.GetValue<string>() ?? "everyone",
                    e["data"]?["text"]?.GetValue<string>(), e["data"]?["studentId"]?.GetValue<string>()));
            }

            after = page["through"]?.GetValue<long>() ?? page["throughSeq"]!.GetValue<long>();
            if (page["hasMore"]?.GetValue<bool>() != true)
            {
                return events;
            }
        }
    }
}
