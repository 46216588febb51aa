using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Classroom.Runtime.Clustering;

/// <summary>
/// One TCP connection between two members, carrying length-prefixed frames both ways: <c>[int32 length][byte kind]
/// [int64 call id][payload]</c>. Writes are queued and sent by one loop that packs every queued frame into as few
/// socket writes as it can; reads are parsed by one loop over a pipe. Closing (either side, or a broken socket)
/// completes <see cref="Closed"/> once.
/// </summary>
internal sealed class SiloConnection
{
    public const int HeaderLength = 4 + 1 + 8;
    private const int MaxFrameLength = 16 * 1024 * 1024;

    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IFrameHandler _handler;
    private Socket? _socket;

    private SiloConnection(string? memberId, IFrameHandler handler)
    {
        MemberId = memberId;
        _handler = handler;
    }

    /// <summary>The member at the other end, for connections this member opened; null for accepted ones.</summary>
    public string? MemberId { get; }

    /// <summary>Completes when the connection is closed, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Opens a connection to <paramref name="endpoint"/>; frames sent before it is open wait for it.</summary>
    public static SiloConnection Connect(string memberId, string endpoint, IFrameHandler handler)
    {
        var connection = new SiloConnection(memberId, handler);
        _ = connection.ConnectAndRunAsync(endpoint);
        return connection;
    }

    /// <summary>Runs a connection the listener accepted.</summary>
    public static SiloConnection Accept(Socket socket, IFrameHandler handler)
    {
        var connection = new SiloConnection(null, handler) { _socket = socket };
        connection.Run();
        return connection;
    }

    /// <summary>Queues a frame built with <see cref="FrameBuffer"/>; false once the connection is closed.</summary>
    public bool TrySend(byte[] frame) => !IsClosed && _outbox.Writer.TryWrite(frame);

    public void Close()
    {
        _outbox.Writer.TryComplete();
        try
        {
            _socket?.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }

        if (_closed.TrySetResult())
        {
            _handler.OnClosed(this);
        }
    }

    private async Task ConnectAndRunAsync(string endpoint)
    {
        var separator = endpoint.LastIndexOf(':');
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(endpoint[..separator], int.Parse(endpoint[(separator + 1)..]), timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or FormatException)
        {
            socket.Dispose();
            Close();
            return;
        }

        _socket = socket;
        Run();
    }

    private void Run()
    {
        _socket!.NoDelay = true;
        var stream = new NetworkStream(_socket, ownsSocket: false);
        _ = WriteLoopAsync(stream);
        _ = ReadLoopAsync(stream);
    }

    private async Task WriteLoopAsync(NetworkStream stream)
    {
        var buffer = new byte[64 * 1024];
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                var used = 0;
                while (reader.TryRead(out var frame))
                {
                    if (used + frame.Length > buffer.Length && used > 0)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, used));
                        used = 0;
                    }

                    if (frame.Length > buffer.Length)
                    {
                        await stream.WriteAsync(frame);
                        continue;
                    }

                    frame.CopyTo(buffer, used);
                    used += frame.Length;
                }

                if (used > 0)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, used));
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The other end went away: the read loop or Close reports it.
        }

        Close();
    }

    private async Task ReadLoopAsync(NetworkStream stream)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync();
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var frame))
                {
                    Dispatch(frame);
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // Broken or malformed: the connection ends; calls waiting on it are handled by OnClosed.
        }

        await pipe.CompleteAsync();
        Close();
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length is < 9 or > MaxFrameLength)
        {
            throw new InvalidDataException($"A cluster frame of {length} bytes is not valid.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        frame = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private void Dispatch(ReadOnlySequence<byte> frame)
    {
        ReadOnlySpan<byte> bytes = frame.IsSingleSegment ? frame.FirstSpan : frame.ToArray();
        var kind = (FrameKind)bytes[0];
        var id = BinaryPrimitives.ReadInt64LittleEndian(bytes[1..9]);
        _handler.OnFrame(this, kind, id, bytes[9..]);
    }
}

/// <summary>What a frame carries.</summary>
internal enum FrameKind : byte
{
    /// <summary>A grain call: timeout, grain type, key, method key, JSON arguments.</summary>
    Request = 1,

    /// <summary>The outcome of a call, as JSON.</summary>
    Response = 2,
}

/// <summary>Receives the frames and the end of a connection.</summary>
internal interface IFrameHandler
{
    /// <summary>Called on the connection's read loop; <paramref name="payload"/> is valid only during the call.</summary>
    void OnFrame(SiloConnection connection, FrameKind kind, long id, ReadOnlySpan<byte> payload);

    void OnClosed(SiloConnection connection);
}

/// <summary>Builds one frame: header reserved first, filled in by <see cref="ToFrame"/>.</summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    public FrameBuffer(FrameKind kind, long id, int capacity = 256)
    {
        _buffer = new byte[Math.Max(capacity, SiloConnection.HeaderLength + 16)];
        _buffer[4] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(5), id);
        _written = SiloConnection.HeaderLength;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        Advance(4);
    }

    public void WriteString(string value)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteInt32(length);
        System.Text.Encoding.UTF8.GetBytes(value, GetSpan(length));
        Advance(length);
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        if (_buffer.Length - _written < Math.Max(sizeHint, 1))
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + sizeHint));
        }
    }

    /// <summary>The finished frame, with its length prefix.</summary>
    public byte[] ToFrame()
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, _written - 4);
        return _written == _buffer.Length ? _buffer : _buffer[.._written];
    }
}

/// <summary>Reads the fields <see cref="FrameBuffer"/> writes.</summary>
internal ref struct FrameReader(ReadOnlySpan<byte> payload)
{
    private ReadOnlySpan<byte> _rest = payload;

    public ReadOnlySpan<byte> Rest => _rest;

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_rest);
        _rest = _rest[4..];
        return value;
    }

    public string ReadString()
    {
        var length = ReadInt32();
        if (length < 0 || length > _rest.Length)
        {
            throw new InvalidDataException("A string in a cluster frame runs past its end.");
        }

        var value = System.Text.Encoding.UTF8.GetString(_rest[..length]);
        _rest = _rest[length..];
        return value;
    }
}
