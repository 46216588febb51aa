using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Classroom.Bench.Fanout;

/// <summary>
/// A lean SignalR JSON-protocol viewer for load: joins one classroom, then reads frames, recording for every event its
/// seq (order, duplicates, loss) and, for the measured events carrying a send time (chat messages, or a board stroke's
/// extensions: see <see cref="BoardLoad"/>), the delivery latency.
/// </summary>
internal sealed class BenchViewer : IAsyncDisposable
{
    private const byte Separator = 0x1e;

    private static ReadOnlySpan<byte> SeqProperty => "\"seq\":"u8;

    private static ReadOnlySpan<byte> ChatTextStart => "\"text\":\"t"u8;

    private static ReadOnlySpan<byte> StrokeExtended => "\"type\":\"board.stroke-extended\""u8;

    private static ReadOnlySpan<byte> PointsStart => "\"points\":["u8;
    private readonly ClientWebSocket _socket = new();
    private readonly HashSet<long> _chatSeqs = [];
    private long _lastSeq;
    private TaskCompletionSource<long>? _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reading;
    private readonly Dictionary<string, TaskCompletionSource> _calls = [];
    private int _nextCall;

    public int Deliveries { get; private set; }

    public int Frames { get; private set; }

    public int OutOfOrder { get; private set; }

    public int Duplicates { get; private set; }

    /// <summary>Laser pointer frames received (not numbered: neither ordered nor counted as lost).</summary>
    public int PointerFrames { get; private set; }

    /// <summary>How often the gateway told this viewer to resync (it then rejoined from its last seq).</summary>
    public int Resyncs { get; private set; }

    public List<long> LatencyTicks { get; } = [];

    public IReadOnlySet<long> ChatSeqs => _chatSeqs;

    public long LastSeq => Volatile.Read(ref _lastSeq);

    public async Task<long> JoinAsync(Uri hub, string classroomId)
    {
        var joined = _joined!;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(hub, CancellationToken.None);
        await SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e");
        _reading = ReadAsync();
        await SendAsync($"{{\"type\":1,\"invocationId\":\"join\",\"target\":\"JoinClassroom\",\"arguments\":[\"{classroomId}\",null,true]}}\u001e");
        return await joined.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Invokes a hub method and waits for its completion (errors throw).</summary>
    public async Task InvokeAsync(string method, string jsonArguments)
    {
        var id = $"call-{Interlocked.Increment(ref _nextCall)}";
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls)
        {
            _calls[id] = completion;
        }

        await SendAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{method}\",\"arguments\":[{jsonArguments}]}}\u001e");
        await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(8192);
                var result = await _socket.ReceiveAsync(memory, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                buffer.Advance(result.Count);
                var data = buffer.WrittenMemory;
                var consumed = 0;
                int end;
                while ((end = data.Span[consumed..].IndexOf(Separator)) >= 0)
                {
                    Handle(data.Span.Slice(consumed, end));
                    consumed += end + 1;
                }

                if (consumed > 0)
                {
                    var rest = data[consumed..].ToArray();
                    buffer.Clear();
                    buffer.Write(rest);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private void Handle(ReadOnlySpan<byte> record)
    {
        var now = Stopwatch.GetTimestamp();
        if (record.IndexOf("\"target\":\"events\""u8) >= 0)
        {
            Frames++;
            var before = OutOfOrder;
            ReadEvents(record, now);
            if (OutOfOrder > before && Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
            {
                Console.Error.WriteLine("frame: " + Encoding.UTF8.GetString(record)[..Math.Min(record.Length, 1500)]);
            }
        }
        else if (record.IndexOf("\"target\":\"pointer\""u8) >= 0)
        {
            PointerFrames++;
        }
        else if (record.IndexOf("\"target\":\"resync\""u8) >= 0)
        {
            // As the protocol asks: rejoin from the last seq seen; the answer carries the missed events (or a snapshot).
            Resyncs++;
            using var document = JsonDocument.Parse(record.ToArray());
            var arguments = document.RootElement.GetProperty("arguments");
            _ = SendAsync($"{{\"type\":1,\"invocationId\":\"rejoin\",\"target\":\"JoinClassroom\",\"arguments\":[\"{arguments[0].GetString()}\",{LastSeq},true]}}\u001e");
        }
        else if (record.IndexOf("\"invocationId\":\"call-"u8) >= 0)
        {
            using var document = JsonDocument.Parse(record.ToArray());
            var id = document.RootElement.GetProperty("invocationId").GetString()!;
            TaskCompletionSource? call;
            lock (_calls)
            {
                _calls.Remove(id, out call);
            }

            if (document.RootElement.TryGetProperty("error", out var error))
            {
                call?.TrySetException(new InvalidOperationException(error.GetString()));
            }
            else
            {
                call?.TrySetResult();
            }
        }
        else if (record.IndexOf("\"invocationId\":\"rejoin\""u8) >= 0)
        {
            if (record.IndexOf("\"mode\":\"resume\""u8) >= 0)
            {
                ReadEvents(record, now);
            }

            using var document = JsonDocument.Parse(record.ToArray());
            var through = document.RootElement.GetProperty("result").GetProperty("through").GetInt64();
            Volatile.Write(ref _lastSeq, Math.Max(LastSeq, through));
        }
        else if (_joined is { } joined && record.IndexOf("\"invocationId\":\"join\""u8) >= 0)
        {
            _joined = null;
            using var document = JsonDocument.Parse(record.ToArray());
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                joined.TrySetException(new InvalidOperationException(error.GetString()));
                return;
            }

            var through = root.GetProperty("result").GetProperty("through").GetInt64();
            Volatile.Write(ref _lastSeq, through);
            joined.TrySetResult(through);
        }
    }

    /// <summary>
    /// Finds each event's seq in a record and, for chats, the send time in the text ("t&lt;ticks&gt;"), by scanning rather
    /// than parsing: 10,000 viewers share the machine with the server, and the load generator must stay cheap. Sound for
    /// events frames and resume results: no event's data has a "seq" property, and a string value cannot hold the
    /// unescaped quotes the patterns start with.
    /// </summary>
    private void ReadEvents(ReadOnlySpan<byte> record, long now)
    {
        var at = record.IndexOf(SeqProperty);
        while (at >= 0)
        {
            var rest = record[(at + SeqProperty.Length)..];
            if (!Utf8Parser.TryParse(rest, out long seq, out var length))
            {
                throw new InvalidDataException("An event's seq is not a number.");
            }

            rest = rest[length..];
            var next = rest.IndexOf(SeqProperty);
            var body = next >= 0 ? rest[..next] : rest;
            var text = body.IndexOf(ChatTextStart);
            var isChat = false;
            if (text >= 0 && Utf8Parser.TryParse(body[(text + ChatTextStart.Length)..], out long sent, out _))
            {
                isChat = true;
                LatencyTicks.Add(now - sent);
            }
            else if (body.IndexOf(StrokeExtended) >= 0 && BoardLoad.SentAt(body, body.IndexOf(PointsStart) + PointsStart.Length) is { } drawn)
            {
                isChat = true;
                LatencyTicks.Add(now - drawn);
            }

            Count(seq, isChat);
            record = rest;
            at = next;
        }
    }

    private void Count(long seq, bool isChat)
    {
        Deliveries++;
        var last = Volatile.Read(ref _lastSeq);
        if (seq == last || (isChat && _chatSeqs.Contains(seq)))
        {
            Duplicates++;
            return;
        }

        if (seq < last)
        {
            OutOfOrder++;
            if (Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
            {
                Console.Error.WriteLine($"out of order: {seq} after {last} (joined: {_joined is null}, deliveries {Deliveries})");
            }
        }
        else
        {
            Volatile.Write(ref _lastSeq, seq);
        }

        if (isChat)
        {
            _chatSeqs.Add(seq);
        }
    }

    /// <summary>
    /// Forgets the deliveries and latencies so far (a warm-up's); order and duplicate errors stay counted. Call while no
    /// events are on their way (the reader does not lock).
    /// </summary>
    public void StartMeasuring()
    {
        Deliveries = 0;
        Frames = 0;
        PointerFrames = 0;
        LatencyTicks.Clear();
        _chatSeqs.Clear();
    }

    /// <summary>Stops reading and closes: what was counted so far is final.</summary>
    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return _reading is { } reading ? new ValueTask(reading.ContinueWith(static _ => { }, TaskScheduler.Default)) : ValueTask.CompletedTask;
    }
}
