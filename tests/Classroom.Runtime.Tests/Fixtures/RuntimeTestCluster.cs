using Classroom.Runtime.Hosting;
using Classroom.Runtime.Tests.Grains;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Runtime.Tests.Fixtures;

/// <summary>Starts test clusters hosting this project's test grains, with a <see cref="Probe"/> service.</summary>
public static class RuntimeTestCluster
{
    public static async Task<(TestCluster Cluster, Probe Probe)> StartAsync(Action<GrainRuntimeOptions>? runtime = null, Action<GrainRuntimeBuilder>? builder = null)
    {
        var probe = new Probe();
        var cluster = await TestCluster.StartAsync(options =>
        {
            options.GrainAssemblies.Add(typeof(CounterGrain).Assembly);
            options.SerializerContexts.Add(TestJsonContext.Default);
            options.ConfigureServices = services => services.AddSingleton(probe);
            options.ConfigureRuntime = runtime;
            options.ConfigureBuilder = builder;
        });
        return (cluster, probe);
    }
}

/// <summary>One cluster shared by the tests of a collection that do not move its clock far.</summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public Probe Probe { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => (Cluster, Probe) = await RuntimeTestCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RuntimeCollection : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "runtime";
}
