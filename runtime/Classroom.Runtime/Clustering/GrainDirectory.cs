using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Classroom.Runtime.Clustering;

/// <summary>
/// Where each grain lives, cluster-wide: a Redis hash from grain id to member id. Registering is one script that keeps
/// the current owner while the membership table says it is alive and otherwise writes the candidate, so concurrent first
/// calls from different members all get the same answer and a grain has at most one owner. Lookups are cached here;
/// a cached owner that the membership declares dead is looked up again.
/// </summary>
internal sealed class GrainDirectory(RedisCluster redis, ClusterMembership membership, TimeProvider time)
{
    // KEYS: directory, members, recovering. ARGV: grain id, candidate member id, '1' to reclaim an activation. Returns
    // the owner; false if the candidate is not alive; '~wait' while Redis recovers from losing its data (see membership).
    private const string RegisterScript = """
        local owner = redis.call('HGET', KEYS[1], ARGV[1])
        if owner then
          local entry = redis.call('HGET', KEYS[2], owner)
          if entry and string.sub(entry, 1, 1) == 'A' then
            return owner
          end
        end
        if ARGV[3] ~= '1' and redis.call('EXISTS', KEYS[3]) == 1 then
          return '~wait'
        end
        local candidate = redis.call('HGET', KEYS[2], ARGV[2])
        if not candidate or string.sub(candidate, 1, 1) ~= 'A' then
          return false
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return ARGV[2]
        """;

    private const string Waiting = "~wait";
    private readonly ConcurrentDictionary<GrainId, string> _owners = new();

    /// <summary>The cached owner of <paramref name="grainId"/>, if it is still alive.</summary>
    public string? CachedOwner(GrainId grainId) =>
        _owners.TryGetValue(grainId, out var owner) && membership.IsAlive(owner) ? owner : null;

    /// <summary>
    /// The owner of <paramref name="grainId"/>, registering one if it has none alive: this member when it is a silo,
    /// else a live silo chosen by the grain's hash (so clients spread grains over the silos).
    /// </summary>
    public async Task<string> ResolveAsync(GrainId grainId)
    {
        var refusals = 0;
        var waits = 0;
        var maxWaits = (int)(redis.Options.DeathTimeout / redis.Options.HeartbeatInterval) + 2;
        while (refusals < 3)
        {
            var candidate = Candidate(grainId);
            var result = await redis.Database.ScriptEvaluateAsync(RegisterScript,
                [redis.Directory, redis.Members, redis.Recovering], [Key(grainId), candidate, "0"]);
            if ((string?)result == Waiting && waits++ < maxWaits)
            {
                // Redis lost its data: the silos are claiming their grains again; a new placement now could double one.
                await Task.Delay(redis.Options.HeartbeatInterval, time);
                continue;
            }

            if (!result.IsNull && (string?)result != Waiting)
            {
                var owner = (string)result!;
                _owners[grainId] = owner;
                if (!membership.IsAlive(owner))
                {
                    // Alive in Redis but not yet in our view (it joined since our last reread): catch up.
                    await membership.TickAsync();
                }

                return owner;
            }

            // The candidate died since our last look at the table: look again and choose another.
            refusals++;
            await membership.TickAsync();
        }

        throw new SiloUnavailableException($"No live silo could take grain {grainId}: the cluster has no silo that answers.");
    }

    /// <summary>Records that this member owns <paramref name="grainId"/> again, after Redis lost the directory; returns the owner.</summary>
    public async Task<string?> ReclaimAsync(GrainId grainId)
    {
        var result = await redis.Database.ScriptEvaluateAsync(RegisterScript,
            [redis.Directory, redis.Members, redis.Recovering], [Key(grainId), membership.Self.Id, "1"]);
        return result.IsNull ? null : (string)result!;
    }

    private string Candidate(GrainId grainId)
    {
        if (membership.Self.Role == ClusterRole.Silo)
        {
            return membership.Self.Id;
        }

        var silos = membership.Silos;
        if (silos.Count == 0)
        {
            throw new SiloUnavailableException($"No silo is alive in cluster '{redis.Options.ClusterId}' to run grain {grainId}.");
        }

        // A stable hash (string.GetHashCode differs per process): the same grain goes to the same silo from every client.
        var hash = 2166136261u;
        foreach (var c in Key(grainId))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return silos[(int)(hash % (uint)silos.Count)].Id;
    }

    private static string Key(GrainId grainId) => grainId.ToString();
}
