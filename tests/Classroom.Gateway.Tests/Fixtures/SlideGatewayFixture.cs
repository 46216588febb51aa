using Classroom.TestKit;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>A gateway for the slide tests, whose clock they move (the upload throttle's window).</summary>
public sealed class SlideGatewayFixture : IAsyncLifetime
{
    public ShiftableClock Clock { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(time: Clock);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
