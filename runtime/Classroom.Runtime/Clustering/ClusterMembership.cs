using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Classroom.Runtime.Clustering;

/// <summary>
/// This process's membership: it joins the table in Redis, heartbeats, and on every heartbeat declares dead any
/// member whose last heartbeat (in Redis's own clock) is older than the death timeout. Every change to the table
/// bumps its version in the same script; members reread the table when the version moves. A member that finds
/// itself declared dead stops taking part for good (<see cref="Fenced"/>): its grains live elsewhere now.
/// </summary>
internal sealed partial class ClusterMembership(RedisCluster redis, ILogger logger)
{
    // KEYS: members, heartbeats, version, recovering. ARGV: my id, my descriptor (role|endpoint), death timeout ms,
    // forget-after ms, '1' if I had joined before. Returns {my status, table version}: 'A' alive, 'N' (re)added (first
    // join, or Redis lost its data), 'D' dead. A member that had joined and is missing means Redis lost the table: for
    // one death timeout the directory then places no new grain ('recovering'), so live silos can claim theirs again.
    private const string TickScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local mine = redis.call('HGET', KEYS[1], ARGV[1])
        local status = 'A'
        if not mine then
          redis.call('HSET', KEYS[1], ARGV[1], 'A|' .. ARGV[2])
          redis.call('INCR', KEYS[3])
          status = 'N'
          if ARGV[5] == '1' then
            redis.call('SET', KEYS[4], now, 'PX', ARGV[3], 'NX')
          end
        elseif string.sub(mine, 1, 1) == 'D' then
          return {'D', redis.call('GET', KEYS[3]) or '0'}
        end
        redis.call('HSET', KEYS[2], ARGV[1], now)
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          local id, entry = all[i], all[i + 1]
          if id ~= ARGV[1] then
            local beat = tonumber(redis.call('HGET', KEYS[2], id) or '0')
            if beat == 0 then
              redis.call('HSET', KEYS[2], id, now)
            elseif string.sub(entry, 1, 1) == 'A' and now - beat > tonumber(ARGV[3]) then
              redis.call('HSET', KEYS[1], id, 'D' .. string.sub(entry, 2))
              redis.call('INCR', KEYS[3])
            elseif string.sub(entry, 1, 1) == 'D' and now - beat > tonumber(ARGV[4]) then
              redis.call('HDEL', KEYS[1], id)
              redis.call('HDEL', KEYS[2], id)
            end
          end
        end
        return {status, redis.call('GET', KEYS[3]) or '0'}
        """;

    // KEYS: members, version. ARGV: my id. Marks me dead (a clean leave) so peers re-place my grains at once.
    private const string LeaveScript = """
        local mine = redis.call('HGET', KEYS[1], ARGV[1])
        if mine and string.sub(mine, 1, 1) == 'A' then
          redis.call('HSET', KEYS[1], ARGV[1], 'D' .. string.sub(mine, 2))
          redis.call('INCR', KEYS[2])
        end
        return 1
        """;

    private static readonly TimeSpan ForgetDeadAfter = TimeSpan.FromMinutes(10);
    private FrozenDictionary<string, ClusterMember> _view = FrozenDictionary<string, ClusterMember>.Empty;
    private ClusterMember[] _silos = [];
    private readonly Dictionary<string, long> _missingSince = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    private string _version = "";
    private int _fenced;

    /// <summary>This process as a member.</summary>
    public ClusterMember Self { get; private set; } = null!;

    /// <summary>Live silos, ordered by id: the candidates for placing a grain.</summary>
    public IReadOnlyList<ClusterMember> Silos => _silos;

    /// <summary>True once this member has been declared dead: it must not run grains any more.</summary>
    public bool IsFenced => Volatile.Read(ref _fenced) == 1;

    /// <summary>Raised (once per member) when a member is seen dead: calls waiting on it can go elsewhere.</summary>
    public event Action<ClusterMember>? MemberDied;

    /// <summary>Raised after every reread of the table (members joined, died, or came back).</summary>
    public event Action? ViewChanged;

    /// <summary>Raised once when this member finds itself declared dead.</summary>
    public event Action? Fenced;

    /// <summary>Awaited when Redis had lost this member (a restart without its data): local registrations must be redone.</summary>
    public Func<Task>? Rejoining { get; set; }

    /// <summary>Raised once this member is back in a table Redis had lost, after <see cref="Rejoining"/>.</summary>
    public event Action? Rejoined;

    public ClusterMember? Find(string memberId) => _view.GetValueOrDefault(memberId);

    /// <summary>True while <paramref name="memberId"/> is in the table and not declared dead.</summary>
    public bool IsAlive(string memberId) => _view.TryGetValue(memberId, out var member) && member.Alive;

    public async Task JoinAsync(ClusterRole role, string endpoint)
    {
        var id = $"{(role == ClusterRole.Silo ? "silo" : "client")}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        Self = new ClusterMember(id, role, endpoint, Alive: true);
        await TickAsync();
        Joined(logger, id, role, endpoint);
    }

    /// <summary>One heartbeat: prove this member alive, declare the silent dead, reread the table if it changed.</summary>
    public async Task TickAsync()
    {
        // The heartbeat loop and lookups that need a fresh view may tick at once: one at a time.
        await _tickGate.WaitAsync();
        try
        {
            await TickCoreAsync();
        }
        finally
        {
            _tickGate.Release();
        }
    }

    private async Task TickCoreAsync()
    {
        if (IsFenced)
        {
            return;
        }

        var options = redis.Options;
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(TickScript,
            [redis.Members, redis.Heartbeats, redis.Version, redis.Recovering],
            [Self.Id, Self.Descriptor, (long)options.DeathTimeout.TotalMilliseconds, (long)ForgetDeadAfter.TotalMilliseconds, _version.Length > 0 ? "1" : "0"]))!;
        var status = (string)result[0]!;
        var version = (string)result[1]!;
        if (status == "D")
        {
            Fence();
            return;
        }

        var firstTick = _version.Length == 0;
        if (version != _version || status == "N" || _missingSince.Count > 0)
        {
            await ReloadAsync(version);
        }

        if (status == "N" && !firstTick)
        {
            RejoinedAfterLoss(logger, Self.Id);
            if (Rejoining is { } rejoining)
            {
                await rejoining();
            }

            Rejoined?.Invoke();
        }
    }

    private async Task ReloadAsync(string version)
    {
        var entries = await redis.Database.HashGetAllAsync(redis.Members);
        var view = entries.ToDictionary(e => (string)e.Name!, e => ClusterMember.Parse(e.Name!, e.Value!), StringComparer.Ordinal);
        var now = Environment.TickCount64;
        var died = new List<ClusterMember>();
        foreach (var (id, member) in _view)
        {
            if (!member.Alive || id == Self.Id)
            {
                continue;
            }

            if (view.TryGetValue(id, out var current))
            {
                _missingSince.Remove(id);
                if (!current.Alive)
                {
                    died.Add(member);
                }
            }
            else if (now - _missingSince.GetValueOrDefault(id, now) <= (long)redis.Options.DeathTimeout.TotalMilliseconds)
            {
                // Missing from the table without being declared dead: Redis lost it (a restart). It is given one death
                // timeout to heartbeat itself back in, and counts as alive meanwhile, so its grains stay where they are.
                _missingSince.TryAdd(id, now);
                view[id] = member;
            }
            else
            {
                _missingSince.Remove(id);
                died.Add(member);
            }
        }

        _view = view.ToFrozenDictionary(StringComparer.Ordinal);
        _silos = [.. view.Values.Where(m => m.Alive && m.Role == ClusterRole.Silo).OrderBy(m => m.Id, StringComparer.Ordinal)];
        _version = version;
        foreach (var member in died)
        {
            MemberDeclaredDead(logger, member.Id);
            MemberDied?.Invoke(member);
        }

        ViewChanged?.Invoke();
    }

    private void Fence()
    {
        if (Interlocked.Exchange(ref _fenced, 1) == 0)
        {
            DeclaredDead(logger, Self.Id);
            Fenced?.Invoke();
        }
    }

    public async Task LeaveAsync()
    {
        if (IsFenced)
        {
            return;
        }

        try
        {
            await redis.Database.ScriptEvaluateAsync(LeaveScript, [redis.Members, redis.Version], [Self.Id]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LeaveFailed(logger, e, Self.Id);
        }
    }

    [LoggerMessage(101, LogLevel.Information, "Joined the cluster as {MemberId} ({Role}) at '{Endpoint}'")]
    private static partial void Joined(ILogger logger, string memberId, ClusterRole role, string endpoint);

    [LoggerMessage(102, LogLevel.Warning, "Cluster member {MemberId} was declared dead")]
    private static partial void MemberDeclaredDead(ILogger logger, string memberId);

    [LoggerMessage(103, LogLevel.Critical, "This member ({MemberId}) was declared dead by the cluster: it stops running grains")]
    private static partial void DeclaredDead(ILogger logger, string memberId);

    [LoggerMessage(105, LogLevel.Warning, "Redis had lost this member ({MemberId}): rejoined and re-registering its grains")]
    private static partial void RejoinedAfterLoss(ILogger logger, string memberId);

    [LoggerMessage(104, LogLevel.Warning, "Leaving the cluster as {MemberId} failed; peers will declare it dead")]
    private static partial void LeaveFailed(ILogger logger, Exception exception, string memberId);
}
