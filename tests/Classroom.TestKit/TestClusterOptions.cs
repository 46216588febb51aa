using System.Reflection;
using System.Text.Json.Serialization;
using Classroom.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.TestKit;

/// <summary>What a <see cref="TestCluster"/> hosts and how.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Assemblies whose grain classes are hosted.</summary>
    public List<Assembly> GrainAssemblies { get; } = [];

    /// <summary>Contexts whose types may cross the serialization boundary.</summary>
    public List<JsonSerializerContext> SerializerContexts { get; } = [];

    /// <summary>Runtime settings applied after the test kit's own.</summary>
    public Action<GrainRuntimeOptions>? ConfigureRuntime { get; set; }

    /// <summary>Further runtime registrations (other storage, streams).</summary>
    public Action<GrainRuntimeBuilder>? ConfigureBuilder { get; set; }

    /// <summary>Further services for the grains.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
