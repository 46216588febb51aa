using Classroom.Grains.Classrooms;
using Classroom.Grains.Replays;
using Classroom.Persistence;
using Classroom.Persistence.EventLogs;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>Orleans test clusters hosting the classroom grains.</summary>
public static class ClassroomCluster
{
    public static Task<ClassroomTestCluster> StartAsync(
        Action<ClassroomOptions>? classrooms = null, IEventLogStorage? eventLogs = null, Action<ReplayOptions>? replays = null,
        Action<ISiloBuilder>? silo = null, string? database = null, int silos = 1) =>
        ClassroomTestCluster.StartAsync(options =>
        {
            options.Silos = silos;
            options.EventLogStorage = eventLogs;
            options.DatabaseFile = database;
            options.ConfigureSilo = builder =>
            {
                builder.AddPersistenceJson([.. ClassroomGrains.SerializerContexts]);
                builder.Services
                    .Configure<ClassroomOptions>(o => classrooms?.Invoke(o))
                    .Configure<ReplayOptions>(o => replays?.Invoke(o));
                silo?.Invoke(builder);
            };
        });
}

/// <summary>One cluster shared by the tests of a collection that keep to their own classrooms and do not move the clock far.</summary>
public sealed class ClassroomFixture : IAsyncLifetime
{
    public ClassroomTestCluster Cluster { get; private set; } = null!;

    public Lessons Lessons => new(Cluster);

    public async Task InitializeAsync() => Cluster = await ClassroomCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClassroomCollection : ICollectionFixture<ClassroomFixture>
{
    public const string Name = "classrooms";
}
