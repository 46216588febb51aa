using Classroom.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Providers;
using Orleans.Storage;

namespace Classroom.Silo.Extensions;

/// <summary>Tells the person who started the silo where its data lives.</summary>
internal sealed partial class SiloBanner(IServiceProvider services, ILogger<SiloBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME) is SqlGrainStorage storage)
        {
            Started(logger, storage.Database.Location);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Classroom silo running; grain state in {DatabasePath}. Press Ctrl+C to stop.")]
    private static partial void Started(ILogger logger, string databasePath);
}
