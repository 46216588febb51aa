using Classroom.Grains;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Replays;
using Classroom.Runtime.Hosting;
using Classroom.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Classroom.Silo.Extensions;

/// <summary>The silo's registrations, shared by the silo host and any host that co-hosts a silo (the gateway).</summary>
public static class ClassroomSiloExtensions
{
    /// <summary>
    /// Hosts the classroom grains in this process with the embedded defaults: grain state and event logs in SQLite under the data
    /// folder, in-process streams. Settings come from <c>Classroom:Silo</c> and <c>Classroom:Runtime</c>.
    /// </summary>
    public static IHostApplicationBuilder AddClassroomSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(ClassroomSiloOptions.Section).Get<ClassroomSiloOptions>() ?? new ClassroomSiloOptions();
        builder.Services.Configure<GrainRuntimeOptions>(builder.Configuration.GetSection("Classroom:Runtime"));
        builder.Services.Configure<ClassroomOptions>(builder.Configuration.GetSection(ClassroomOptions.Section));
        builder.Services.Configure<ReplayOptions>(builder.Configuration.GetSection(ReplayOptions.Section));
        builder.Services.AddGrainRuntime(runtime =>
        {
            foreach (var context in ClassroomGrains.SerializerContexts)
            {
                runtime.AddSerializerContext(context);
            }

            runtime
                .AddGrains(ClassroomGrains.Assembly)
                .AddSqliteGrainStorage(GrainStorage.DefaultName, o => o.DataDirectory = silo.DataDirectory)
                .AddSqliteEventLogStorage(GrainStorage.DefaultName, o => o.DataDirectory = silo.DataDirectory)
                .AddMemoryStreams();
        });
        builder.Services.AddHostedService<SiloBanner>();
        return builder;
    }
}
