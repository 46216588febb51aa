using StackExchange.Redis;

namespace Classroom.Runtime.Clustering;

/// <summary>
/// The cluster's connection to Redis and the keys it uses there: the membership table (<c>members</c>: id →
/// <c>status|role|endpoint</c>), heartbeats (id → Redis time in ms), the table's version, and the grain directory
/// (grain id → member id). Every change is one Lua script, so it is atomic on the server.
/// </summary>
internal sealed class RedisCluster(ClusterOptions options) : IAsyncDisposable
{
    private ConnectionMultiplexer? _redis;

    public ClusterOptions Options => options;

    public RedisKey Members => $"{options.ClusterId}:members";

    public RedisKey Heartbeats => $"{options.ClusterId}:heartbeats";

    public RedisKey Version => $"{options.ClusterId}:version";

    public RedisKey Directory => $"{options.ClusterId}:directory";

    /// <summary>Set for one death timeout after Redis lost the table: no new placements meanwhile.</summary>
    public RedisKey Recovering => $"{options.ClusterId}:recovering";

    public RedisChannel StreamChannel(string stream) => new($"{options.ClusterId}:stream:{stream}", RedisChannel.PatternMode.Literal);

    public ConnectionMultiplexer Connection => _redis ?? throw new InvalidOperationException("The cluster has not connected to Redis yet.");

    public IDatabase Database => Connection.GetDatabase();

    public async Task ConnectAsync()
    {
        if (_redis is not null)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(options.Redis);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 2000;
        configuration.SyncTimeout = 2000;
        // Reconnect quickly after Redis restarts: membership depends on heartbeats getting through.
        configuration.ConnectRetry = 3;
        configuration.KeepAlive = 5;
        var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        if (!redis.IsConnected)
        {
            redis.Dispose();
            throw new InvalidOperationException($"Cannot reach Redis at '{options.Redis}' (Classroom:Cluster:Redis): is redis-server running?");
        }

        _redis = redis;
    }

    public ValueTask DisposeAsync()
    {
        _redis?.Dispose();
        return ValueTask.CompletedTask;
    }
}
