using Microsoft.Extensions.Hosting;

namespace Classroom.Runtime.Hosting;

/// <summary>Starts the runtime's maintenance with the host, and deactivates every grain when the host stops.</summary>
internal sealed class Silo(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
