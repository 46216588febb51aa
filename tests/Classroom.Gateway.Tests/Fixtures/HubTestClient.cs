using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>
/// The official .NET SignalR client (JSON protocol, WebSockets) as the tests use it: invocations whose results come
/// back as JSON, and the server's calls (<c>events</c>, <c>resync</c>, <c>replay</c>) collected in arrival order. The
/// official client reads on while its handlers wait, so a viewer that stops reading is a <see cref="RawHubSocket"/>.
/// </summary>
public sealed class HubTestClient : IHubCallSource, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly (string Target, int Arguments)[] ServerCalls = [("events", 2), ("resync", 2), ("replay", 1), ("qa", 2)];
    private readonly HubConnection _connection;
    private readonly Channel<(string Target, JsonArray Arguments)> _calls = Channel.CreateUnbounded<(string, JsonArray)>();
    private readonly Channel<JsonArray> _pointers = Channel.CreateUnbounded<JsonArray>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubTestClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var (target, count) in ServerCalls)
        {
            connection.On(target, Enumerable.Repeat(typeof(JsonElement), count).ToArray(), (arguments, _) => ReceiveAsync(target, arguments), this);
        }

        // Laser pointers are not numbered and may come between any two frames: read apart (NextPointersAsync).
        connection.On("pointer", [typeof(JsonElement), typeof(JsonElement)], (arguments, _) =>
        {
            _pointers.Writer.TryWrite(JsonNode.Parse(((JsonElement)arguments[1]!).GetRawText())!.AsArray());
            return Task.CompletedTask;
        }, this);

        connection.Closed += error =>
        {
            CloseError = error?.Message;
            IsClosed = true;
            _calls.Writer.TryComplete();
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the connection closed, if it closed with an error.</summary>
    public string? CloseError { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>True if no server call is waiting right now (nothing was sent that has arrived).</summary>
    public bool HasNoCallWaiting => _calls.Reader.Count == 0;

    /// <summary>
    /// Connects to the hub at <paramref name="hub"/> with <paramref name="token"/> (none: anonymous), asking for refusals in
    /// <paramref name="language"/> as the pages do (<c>?lang=</c>; null: none, so the gateway's default, zh-CN).
    /// </summary>
    public static async Task<HubTestClient> ConnectAsync(Uri hub, string? token, string? language = GatewayHost.TestLanguage)
    {
        var url = language is null ? hub : new UriBuilder(hub) { Query = $"lang={Uri.EscapeDataString(language)}" }.Uri;
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        var client = new HubTestClient(connection);
        await connection.StartAsync().WaitAsync(Patience);
        return client;
    }

    /// <summary>Invokes a hub method; returns its result as JSON, or throws <see cref="HubError"/> with the server's message.</summary>
    public async Task<JsonNode?> InvokeAsync(string method, params object?[] arguments)
    {
        object? result;
        try
        {
            result = await _connection.InvokeCoreAsync<object?>(method, arguments).WaitAsync(Patience);
        }
        catch (HubException e)
        {
            throw new HubError(e.Message);
        }

        return result is JsonElement json ? JsonNode.Parse(json.GetRawText()) : null;
    }

    /// <summary>Sends a hub method without waiting for (or getting) its outcome, as pages send the laser pointer.</summary>
    public Task SendAsync(string method, params object?[] arguments) => _connection.SendCoreAsync(method, arguments).WaitAsync(Patience);

    /// <summary>The pointers of the next <c>pointer</c> frame the server sent this client.</summary>
    public async Task<JsonArray> NextPointersAsync() => await _pointers.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>The next call the server made to this client (<c>events</c>, <c>resync</c> or <c>replay</c>).</summary>
    public async Task<(string Target, JsonArray Arguments)> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Completes when the server has closed the connection.</summary>
    public Task WhenClosedAsync() => _closed.Task.WaitAsync(Patience);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private Task ReceiveAsync(string target, object?[] arguments)
    {
        _calls.Writer.TryWrite((target, new JsonArray([.. arguments.Select(a => JsonNode.Parse(((JsonElement)a!).GetRawText()))])));
        return Task.CompletedTask;
    }
}

/// <summary>A hub call failed; the message is the server's.</summary>
public sealed class HubError(string message) : Exception(message);
