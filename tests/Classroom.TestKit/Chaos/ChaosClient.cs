using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Classroom.TestKit.Chaos;

/// <summary>
/// One participant of a chaos run, speaking the hub's JSON protocol over a plain WebSocket as a page does: it joins a
/// classroom, applies the events after the seq it has, and when its connection drops (or it is told to resync) it
/// connects again, to the next gateway in its list, and rejoins from that seq. It records every seq it applies, the
/// seqs of the snapshots it got, and any event it was sent twice, so a run can prove nobody missed or repeated one.
/// </summary>
public sealed class ChaosClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly IReadOnlyList<Uri> _gateways;
    private readonly string _token;
    private readonly string _classroomId;
    private readonly bool _asViewer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> _calls = new();
    private readonly Lock _lock = new();
    private readonly List<long> _applied = [];
    private readonly List<long> _snapshots = [];
    private readonly List<JsonArray> _early = [];
    private ClientWebSocket? _socket;
    private Task _running = Task.CompletedTask;
    private TaskCompletionSource _joinedOnce = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _through = -1;
    private bool _joining;
    private int _gateway;
    private int _nextCall;

    public ChaosClient(IReadOnlyList<Uri> gateways, int firstGateway, string token, string classroomId, bool asViewer)
    {
        _gateways = gateways;
        _gateway = firstGateway % gateways.Count;
        _token = token;
        _classroomId = classroomId;
        _asViewer = asViewer;
    }

    /// <summary>Connections after the first one.</summary>
    public int Reconnects { get; private set; }

    /// <summary>How often the gateway told this client it had fallen behind.</summary>
    public int Resyncs { get; private set; }

    /// <summary>Events sent to it again after it had them (a seq at or below the one it had joined or applied through).</summary>
    public int Duplicates { get; private set; }

    /// <summary>The seq this client has applied or been told about.</summary>
    public long Through => Interlocked.Read(ref _through);

    /// <summary>The seqs it applied from frames and resumed joins, in order.</summary>
    public IReadOnlyList<long> Applied
    {
        get
        {
            lock (_lock)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>The seqs of the snapshots its joins answered with (a snapshot stands for every event up to its seq).</summary>
    public IReadOnlyList<long> Snapshots
    {
        get
        {
            lock (_lock)
            {
                return [.. _snapshots];
            }
        }
    }

    /// <summary>Connects and joins; returns once the first join has been answered.</summary>
    public async Task StartAsync()
    {
        _running = RunAsync();
        await _joinedOnce.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Calls a hub method of the classroom; a refusal or a dropped connection throws <see cref="ChaosRefusal"/>.</summary>
    public async Task<JsonNode?> InvokeAsync(string method, params object?[] arguments)
    {
        var socket = _socket;
        if (socket is not { State: WebSocketState.Open } || _joining)
        {
            throw new ChaosRefusal("no connection: reconnecting");
        }

        var id = $"c{Interlocked.Increment(ref _nextCall)}";
        var call = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = call;
        var message = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = method,
            ["arguments"] = JsonSerializer.SerializeToNode(new object?[] { _classroomId }.Concat(arguments).ToArray()),
        };
        try
        {
            await SendAsync(socket, message.ToJsonString());
            return await call.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or ObjectDisposedException)
        {
            throw new ChaosRefusal($"no answer: {e.GetType().Name}");
        }
        finally
        {
            _calls.TryRemove(id, out _);
        }
    }

    private async Task RunAsync()
    {
        var first = true;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await ConnectAndReadAsync();
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or InvalidOperationException or JsonException)
            {
                // Dropped: fail what waits, then connect again below.
            }

            foreach (var (_, call) in _calls)
            {
                call.TrySetException(new ChaosRefusal("no answer: the connection dropped"));
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            if (!first || _joinedOnce.Task.IsCompleted)
            {
                Reconnects++;
            }

            first = false;
            _gateway = (_gateway + 1) % _gateways.Count;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(300)), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConnectAndReadAsync()
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var hub = new Uri(_gateways[_gateway], $"/hubs/classroom?lang=en&access_token={Uri.EscapeDataString(_token)}");
        var ws = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        connecting.CancelAfter(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(ws, connecting.Token);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}");
        _socket = socket;
        _joining = true;
        lock (_lock)
        {
            _early.Clear();
        }

        await SendJoinAsync(socket);
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        while (!_stop.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var text = pending.ToString();
            var end = text.LastIndexOf(Separator);
            if (end < 0)
            {
                continue;
            }

            pending.Clear().Append(text[(end + 1)..]);
            foreach (var record in text[..end].Split(Separator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!await HandleAsync(socket, JsonNode.Parse(record)!.AsObject()))
                {
                    return;
                }
            }
        }
    }

    private Task SendJoinAsync(ClientWebSocket socket)
    {
        var through = Through;
        return SendAsync(socket, new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = "join",
            ["target"] = "JoinClassroom",
            ["arguments"] = new JsonArray(_classroomId, through < 0 ? null : through, _asViewer),
        }.ToJsonString());
    }

    /// <summary>Handles one hub message; false when the server closed the connection.</summary>
    private async Task<bool> HandleAsync(ClientWebSocket socket, JsonObject message)
    {
        switch (message["type"]?.GetValue<int>())
        {
            case 1 when message["target"]?.GetValue<string>() == "events":
                var arguments = message["arguments"]!.AsArray();
                lock (_lock)
                {
                    if (_joining)
                    {
                        _early.Add(arguments);
                        return true;
                    }
                }

                ApplyFrame(arguments, early: false);
                return true;
            case 1 when message["target"]?.GetValue<string>() == "resync":
                Resyncs++;
                _joining = true;
                await SendJoinAsync(socket);
                return true;
            case 3 when message["invocationId"]?.GetValue<string>() == "join":
                if (message["error"] is { } refused)
                {
                    throw new InvalidOperationException($"join refused: {refused}");
                }

                ApplyJoin(message["result"]!.AsObject());
                _joinedOnce.TrySetResult();
                return true;
            case 3:
                var id = message["invocationId"]!.GetValue<string>();
                if (_calls.TryGetValue(id, out var call))
                {
                    if (message["error"] is { } error)
                    {
                        call.TrySetException(new ChaosRefusal(error.GetValue<string>()));
                    }
                    else
                    {
                        call.TrySetResult(message["result"]?.DeepClone());
                    }
                }

                return true;
            case 7:
                return false;
            default:
                return true;
        }
    }

    private void ApplyJoin(JsonObject answer)
    {
        lock (_lock)
        {
            if (answer["mode"]!.GetValue<string>() == "snapshot")
            {
                _snapshots.Add(answer["snapshot"]!["seq"]!.GetValue<long>());
            }
            else
            {
                foreach (var e in answer["events"]!.AsArray())
                {
                    Apply(e!["seq"]!.GetValue<long>(), early: false);
                }
            }

            Interlocked.Exchange(ref _through, Math.Max(Through, answer["through"]!.GetValue<long>()));
            _joining = false;
            foreach (var frame in _early)
            {
                ApplyFrame(frame, early: true);
            }

            _early.Clear();
        }
    }

    private void ApplyFrame(JsonArray arguments, bool early)
    {
        lock (_lock)
        {
            foreach (var e in arguments[0]!.AsArray())
            {
                Apply(e!["seq"]!.GetValue<long>(), early);
            }

            Interlocked.Exchange(ref _through, Math.Max(Through, arguments[1]!.GetValue<long>()));
        }
    }

    /// <summary>
    /// Applies an event after the seq the client has; one at or below it is a duplicate, unless it came before the join
    /// answered (the protocol says to drop those: the join's answer already covers them).
    /// </summary>
    private void Apply(long seq, bool early)
    {
        if (seq > Through)
        {
            _applied.Add(seq);
            Interlocked.Exchange(ref _through, seq);
        }
        else if (!early)
        {
            Duplicates++;
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            _socket?.Abort();
        }
        catch (ObjectDisposedException)
        {
        }

        await _running;
        _stop.Dispose();
    }
}

/// <summary>An action the chaos run's participant did not get acknowledged: refused, or no answer.</summary>
public sealed class ChaosRefusal(string reason) : Exception(reason);
