using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>
/// A raw WebSocket speaking SignalR's JSON hub protocol by hand, for what no client library does: send malformed and
/// oversized messages (<see cref="SendRawAsync"/>), and stop reading (<see cref="PauseReading"/>: the official client
/// reads on while its handlers wait). Every other test drives the hub with the official client (<see cref="HubTestClient"/>).
/// </summary>
public sealed class RawHubSocket : IHubCallSource, IAsyncDisposable
{
    private const char Separator = '\u001e';
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket;
    private readonly Dictionary<string, TaskCompletionSource<JsonNode?>> _pending = [];
    private readonly Channel<(string Target, JsonArray Arguments)> _calls = Channel.CreateUnbounded<(string, JsonArray)>();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Task _receiving;
    private int _nextId;
    private volatile TaskCompletionSource? _paused;

    private RawHubSocket(ClientWebSocket socket, bool read)
    {
        _socket = socket;
        _receiving = read ? ReceiveAsync() : Task.CompletedTask;
    }

    /// <summary>Why the server closed the connection, if it did.</summary>
    public string? CloseError { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>Connects and completes the handshake; <paramref name="read"/> false makes a viewer that never reads.</summary>
    public static async Task<RawHubSocket> ConnectAsync(Uri uri, bool read = true)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + Separator), WebSocketMessageType.Text, true, CancellationToken.None);
        var handshake = await ReadRecordAsync(socket, new StringBuilder(), Encoding.UTF8.GetDecoder());
        if (handshake is null || handshake.Contains("error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("SignalR handshake failed: " + handshake);
        }

        return new RawHubSocket(socket, read);
    }

    /// <summary>Invokes a hub method; returns its result, or throws <see cref="HubError"/> with the server's message.</summary>
    public async Task<JsonNode?> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[id] = completion;
        }

        await SendAsync(new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = method,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments),
        });
        return await completion.Task.WaitAsync(Patience);
    }

    /// <summary>The next call the server made to this client (<c>events</c> or <c>resync</c>).</summary>
    public async Task<(string Target, JsonArray Arguments)> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>True if no server call is waiting right now (nothing was sent that has arrived).</summary>
    public bool HasNoCallWaiting => _calls.Reader.Count == 0;

    /// <summary>Sends raw text as one message (for malformed or oversized input).</summary>
    public Task SendRawAsync(string json) => SendTextAsync(json + Separator);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await _receiving.WaitAsync(Patience).ContinueWith(static _ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }

    /// <summary>Stops reading from the socket, as a viewer on a stalled network would: the server's writes back up.</summary>
    public void PauseReading() => _paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reads again.</summary>
    public void ResumeReading() => _paused?.TrySetResult();

    /// <summary>Completes when the server has closed the connection.</summary>
    public Task WhenClosedAsync() => _receiving.WaitAsync(Patience);

    private Task SendAsync(JsonObject message) => SendTextAsync(message.ToJsonString() + Separator);

    private async Task SendTextAsync(string text)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        try
        {
            while (true)
            {
                if (_paused is { } paused)
                {
                    await paused.Task;
                    _paused = null;
                }

                if (await ReadRecordAsync(_socket, buffer, decoder) is not { } record)
                {
                    break;
                }

                Dispatch(JsonNode.Parse(record)!.AsObject());
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            IsClosed = true;
            _calls.Writer.TryComplete();
            lock (_pending)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new HubError("The connection closed."));
                }
            }
        }
    }

    private void Dispatch(JsonObject message)
    {
        switch (message["type"]!.GetValue<int>())
        {
            case 1:
                _calls.Writer.TryWrite((message["target"]!.GetValue<string>(), message["arguments"]!.AsArray()));
                break;
            case 3:
                TaskCompletionSource<JsonNode?>? completion;
                lock (_pending)
                {
                    _pending.Remove(message["invocationId"]!.GetValue<string>(), out completion);
                }

                if (message["error"] is { } error)
                {
                    completion?.TrySetException(new HubError(error.GetValue<string>()));
                }
                else
                {
                    completion?.TrySetResult(message["result"]?.DeepClone());
                }

                break;
            case 7:
                CloseError = message["error"]?.GetValue<string>();
                break;
        }
    }

    /// <summary>Reads up to the next record separator; null when the socket closed. Scans only what was just received.</summary>
    private static async Task<string?> ReadRecordAsync(ClientWebSocket socket, StringBuilder buffer, Decoder decoder)
    {
        var chunk = new byte[64 * 1024];
        var scanned = 0;
        while (true)
        {
            for (var i = scanned; i < buffer.Length; i++)
            {
                if (buffer[i] == Separator)
                {
                    var record = buffer.ToString(0, i);
                    buffer.Remove(0, i + 1);
                    return record;
                }
            }

            scanned = buffer.Length;
            var result = await socket.ReceiveAsync(chunk, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            var chars = new char[decoder.GetCharCount(chunk, 0, result.Count)];
            decoder.GetChars(chunk, 0, result.Count, chars, 0);
            buffer.Append(chars);
        }
    }
}
