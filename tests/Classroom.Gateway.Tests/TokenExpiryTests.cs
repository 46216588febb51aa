using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>A hub connection lasts no longer than its token, on a gateway of its own issuing three-second tokens.</summary>
public sealed class TokenExpiryTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Gateway:TokenLifetime"] = "00:00:03" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_gateway_closes_a_hub_connection_when_its_token_expires_and_a_fresh_token_connects_again()
    {
        await using var expiring = await _host.ConnectAsync(await _host.StudentTokenAsync(1));

        // Awaits the close the gateway makes at the token's expiry (its connection scan runs every second): no sleep.
        await expiring.WhenClosedAsync();
        await using var renewed = await _host.ConnectAsync(await _host.StudentTokenAsync(1));

        Assert.True(expiring.IsClosed);
        Assert.False(renewed.IsClosed);
    }
}
