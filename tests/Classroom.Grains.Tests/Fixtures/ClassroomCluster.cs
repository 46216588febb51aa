using Classroom.Grains;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Replays;
using Classroom.Runtime.Hosting;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>Test clusters hosting the classroom grains.</summary>
public static class ClassroomCluster
{
    public static Task<TestCluster> StartAsync(
        Action<ClassroomOptions>? classrooms = null, Action<GrainRuntimeBuilder>? builder = null, Action<ReplayOptions>? replays = null) =>
        TestCluster.StartAsync(options =>
        {
            options.GrainAssemblies.Add(ClassroomGrains.Assembly);
            options.SerializerContexts.AddRange(ClassroomGrains.SerializerContexts);
            options.ConfigureServices = services => services
                .Configure<ClassroomOptions>(o => classrooms?.Invoke(o))
                .Configure<ReplayOptions>(o => replays?.Invoke(o));
            options.ConfigureBuilder = builder;
        });
}

/// <summary>One cluster shared by the tests of a collection that keep to their own classrooms and do not move the clock far.</summary>
public sealed class ClassroomFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public Lessons Lessons => new(Cluster);

    public async Task InitializeAsync() => Cluster = await ClassroomCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClassroomCollection : ICollectionFixture<ClassroomFixture>
{
    public const string Name = "classrooms";
}
