using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Runtime.Hosting;

/// <summary>Registers the grain runtime in a host.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo that hosts grains in this process, and the <see cref="IClusterClient"/> that calls them. The silo
    /// starts and stops with the host.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        var builder = new GrainRuntimeBuilder(services);
        builder.AddCoreServices();
        configure(builder);
        return services;
    }
}
