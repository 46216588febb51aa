using Classroom.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Classroom.Silo.Extensions;

/// <summary>Tells the person who started the silo where its data lives.</summary>
internal sealed partial class SiloBanner(IServiceProvider services, ILogger<SiloBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (services.GetKeyedService<IGrainStorage>(GrainStorage.DefaultName))
        {
            case SqliteGrainStorage sqlite:
                Started(logger, sqlite.DatabasePath);
                break;
            case PostgreSqlGrainStorage:
                Started(logger, "PostgreSQL (Classroom:Silo:PostgreSql)");
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Classroom silo running; grain state in {DatabasePath}. Press Ctrl+C to stop.")]
    private static partial void Started(ILogger logger, string databasePath);
}
