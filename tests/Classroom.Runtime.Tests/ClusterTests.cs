using System.Diagnostics;
using Classroom.Runtime.Clustering;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Storage;
using Classroom.Runtime.Streams;
using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;
using Classroom.TestKit;

namespace Classroom.Runtime.Tests;

/// <summary>
/// Silos and a client in this process, each its own runtime with its own TCP listener, joined through a real
/// redis-server: calls across silos, single activation, failure detection with one resend, streams, Redis restarts.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly MemoryGrainStorage _storage = new();
    private readonly MemoryEventLogStorage _eventLogs = new();
    private readonly List<ClusterMemberHost> _members = [];
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private async Task<ClusterMemberHost> StartAsync(string name, ClusterRole role = ClusterRole.Silo)
    {
        var member = await ClusterMemberHost.StartAsync(name, _redis.Configuration, _clusterId, role, _probe, _storage, _eventLogs);
        _members.Add(member);
        Assert.True(await WaitUntilAsync(EveryoneSeesEveryone), "every member should see every other within a few heartbeats");
        return member;
    }

    private bool EveryoneSeesEveryone() =>
        _members.All(m => _members.All(other => m.Cluster.Membership.IsAlive(other.MemberId)));

    private static string SiloOf(string where) => where.Split('/')[0];

    [Fact]
    public async Task A_grain_reference_works_the_same_wherever_the_grain_lives()
    {
        var silo1 = await StartAsync("silo1");
        var silo2 = await StartAsync("silo2");
        var client = await StartAsync("client", ClusterRole.Client);

        // A silo places a new grain on itself; a grain on silo1 calls one on silo2, and a client reaches both.
        Assert.Equal("silo2", SiloOf(await silo2.Client.GetGrain<IPlacementGrain>("b").WhereAsync()));
        Assert.Equal("silo1", SiloOf(await silo1.Client.GetGrain<IPlacementGrain>("a").WhereAsync()));
        Assert.Equal("silo2", SiloOf(await silo1.Client.GetGrain<IPlacementGrain>("a").AskAsync("b")));
        Assert.Equal("silo1", SiloOf(await client.Client.GetGrain<IPlacementGrain>("a").WhereAsync()));
        Assert.Equal(3, await client.Client.GetGrain<IPlacementGrain>("b").AddAsync(3));
        Assert.Equal(5, await silo1.Client.GetGrain<IPlacementGrain>("b").AddAsync(2));

        // Exceptions cross with their type and message.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Client.GetGrain<IPlacementGrain>("b").FailAsync("no such poll"));
        Assert.Equal("no such poll", error.Message);

        // A client places grains over the silos by hash: over many keys, both silos get some.
        var places = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.Client.GetGrain<IPlacementGrain>($"spread-{i}").WhereAsync()));
        Assert.Equal(["silo1", "silo2"], places.Select(SiloOf).Distinct().Order());
    }

    [Fact]
    public async Task Concurrent_first_calls_from_different_silos_meet_one_activation()
    {
        var silos = new[] { await StartAsync("silo1"), await StartAsync("silo2"), await StartAsync("silo3") };
        var keys = Enumerable.Range(0, 30).Select(i => $"race-{i}").ToList();

        // Every silo would place a new grain on itself: all call every key at once, and the directory picks one.
        // Each key's first call comes from a different silo in turn, so no silo always starts ahead.
        var answers = await Task.WhenAll(keys.SelectMany((key, k) => Enumerable.Range(0, silos.Length).Select(i => silos[(i + k) % silos.Length])
            .SelectMany(silo => Enumerable.Range(0, 3).Select(async _ => (key, where: await silo.Client.GetGrain<IPlacementGrain>(key).WhereAsync())))));

        foreach (var group in answers.GroupBy(a => a.key))
        {
            Assert.Single(group.Select(a => a.where).Distinct());
            Assert.Equal(1, _probe.Count("placement-activations:" + group.Key));
        }

    }

    [Fact]
    public async Task A_crashed_silo_is_declared_dead_and_its_grains_answer_from_another_with_their_state()
    {
        var silo1 = await StartAsync("silo1");
        var silo2 = await StartAsync("silo2");
        var client = await StartAsync("client", ClusterRole.Client);
        Assert.Equal("silo2", SiloOf(await silo2.Client.GetGrain<IPlacementGrain>("moving").WhereAsync()));
        Assert.Equal(7, await client.Client.GetGrain<IPlacementGrain>("moving").AddAsync(7));
        var deadId = silo2.MemberId;
        Assert.True(client.Cluster.Membership.IsAlive(deadId) && silo1.Cluster.Membership.IsAlive(deadId));

        var clock = Stopwatch.StartNew();
        await silo2.CrashAsync();
        // Sent while silo2 is dead but not yet declared so: the call waits for the verdict, then goes once more.
        var added = await client.Client.GetGrain<IPlacementGrain>("moving").AddAsync(1);
        var failover = clock.Elapsed;

        Assert.Equal(8, added);
        Assert.Equal("silo1", SiloOf(await client.Client.GetGrain<IPlacementGrain>("moving").WhereAsync()));
        Assert.False(client.Cluster.Membership.IsAlive(deadId));
        Assert.True(await WaitUntilAsync(() => !silo1.Cluster.Membership.IsAlive(deadId)), "silo1 should learn of the death on a heartbeat");
        Assert.True(failover < TimeSpan.FromSeconds(5), $"failover took {failover}");
        Assert.Equal(0, client.Cluster.Router.PendingCount);
    }

    [Fact]
    public async Task A_silo_declared_dead_while_paused_stops_running_grains()
    {
        var silo1 = await StartAsync("silo1");
        var silo2 = await StartAsync("silo2");
        var fenced = new TaskCompletionSource();
        var declared = new TaskCompletionSource();
        silo2.Cluster.Membership.Fenced += () => fenced.TrySetResult();
        silo1.Cluster.Membership.MemberDied += member =>
        {
            if (member.Id == silo2.MemberId)
            {
                declared.TrySetResult();
            }
        };
        Assert.Equal("silo2", SiloOf(await silo2.Client.GetGrain<IPlacementGrain>("paused").WhereAsync()));

        // silo2 misses its heartbeats (a long pause): silo1 declares it dead; silo2's next heartbeat finds out.
        await silo2.Cluster.PauseHeartbeatsAsync();
        await declared.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("silo1", SiloOf(await silo1.Client.GetGrain<IPlacementGrain>("paused").WhereAsync()));

        await silo2.Cluster.Membership.TickAsync();
        await fenced.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => silo2.Client.GetGrain<IPlacementGrain>("paused").WhereAsync());
        Assert.True(silo2.Runtime.Catalog.IsClosed);
    }

    [Fact]
    public async Task Stream_items_reach_subscribers_in_other_processes_in_order()
    {
        var silo1 = await StartAsync("silo1");
        var client = await StartAsync("client", ClusterRole.Client);
        var received = new List<int>();
        var all = new TaskCompletionSource();
        var handle = await client.Client.GetStreamProvider(StreamProviders.DefaultName).GetStream<int>(StreamId.Create("placement", "talk"))
            .SubscribeAsync(item =>
            {
                received.Add(item);
                if (received.Count == 500)
                {
                    all.TrySetResult();
                }

                return Task.CompletedTask;
            });

        var grain = silo1.Client.GetGrain<IPlacementGrain>("talk");
        for (var first = 0; first < 500; first += 50)
        {
            await grain.PublishAsync(first, 50);
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Enumerable.Range(0, 500), received);
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task After_Redis_restarts_empty_members_rejoin_grains_stay_single_and_subscribers_are_told()
    {
        var silo1 = await StartAsync("silo1");
        var silo2 = await StartAsync("silo2");
        var client = await StartAsync("client", ClusterRole.Client);
        var before = await client.Client.GetGrain<IPlacementGrain>("survivor").WhereAsync();
        var interrupted = new TaskCompletionSource();
        await client.Client.GetStreamProvider(StreamProviders.DefaultName).GetStream<int>(StreamId.Create("placement", "survivor"))
            .SubscribeAsync(new InterruptObserver(interrupted));
        var rejoined = _members.Select(m =>
        {
            var done = new TaskCompletionSource();
            m.Cluster.Membership.Rejoined += () => done.TrySetResult();
            return done.Task;
        }).ToList();

        await _redis.RestartAsync();

        // Every member heartbeats itself back into the empty table; silos claim their activations again.
        await Task.WhenAll(rejoined).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(await WaitUntilAsync(EveryoneSeesEveryone), "members should see each other in the new Redis");
        Assert.All(_members, m => Assert.False(m.Cluster.Membership.IsFenced));
        await interrupted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(before, await client.Client.GetGrain<IPlacementGrain>("survivor").WhereAsync());
        var fresh = await Task.WhenAll(new[] { silo1, silo2, client }.Select(m => m.Client.GetGrain<IPlacementGrain>("after-restart").WhereAsync()));
        Assert.Single(fresh.Distinct());
    }

    /// <summary>True once <paramref name="condition"/> holds: checked now and after every member's next view of the table.</summary>
    private async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                met.TrySetResult();
            }
        }

        foreach (var member in _members)
        {
            member.Cluster.Membership.ViewChanged += Check;
        }

        try
        {
            Check();
            await met.Task.WaitAsync(TimeSpan.FromSeconds(20));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            foreach (var member in _members)
            {
                member.Cluster.Membership.ViewChanged -= Check;
            }
        }
    }

    private sealed class InterruptObserver(TaskCompletionSource interrupted) : IAsyncObserver<int>
    {
        public Task OnNextAsync(int item) => Task.CompletedTask;

        public Task OnErrorAsync(Exception error)
        {
            interrupted.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
