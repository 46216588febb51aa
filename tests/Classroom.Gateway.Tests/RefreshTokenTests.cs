using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>Rotating refresh tokens: each use gives a new pair, an old one reused ends the family, sign-out ends it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RefreshTokenTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_refresh_token_gives_a_new_working_pair_once()
    {
        var signedIn = await LoginAsync();

        var renewed = await RefreshAsync(Refresh(signedIn));
        var pair = await renewed.Content.ReadFromJsonAsync<JsonObject>();
        var me = await Authorized(pair!["accessToken"]!.GetValue<string>()).GetFromJsonAsync<JsonObject>("/api/me");

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.NotEqual(Refresh(signedIn), Refresh(pair));
        Assert.Equal("student2", me!["userId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(Refresh(pair))).StatusCode);
    }

    [Fact]
    public async Task Reusing_an_old_refresh_token_ends_the_whole_family()
    {
        var signedIn = await LoginAsync();
        var renewed = await (await RefreshAsync(Refresh(signedIn))).Content.ReadFromJsonAsync<JsonObject>();

        var reused = await RefreshAsync(Refresh(signedIn));
        var problem = await reused.Content.ReadFromJsonAsync<JsonObject>();
        var newest = await RefreshAsync(Refresh(renewed!));

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("account.refresh-invalid", problem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, newest.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_refresh_token_and_guests_get_none()
    {
        var signedIn = await LoginAsync();

        var loggedOut = await Host.Http.PostAsJsonAsync("/api/accounts/logout", new { refreshToken = Refresh(signedIn) });
        var guest = await (await Host.Http.PostAsJsonAsync("/api/accounts/guest", new { displayName = "Grandma" })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(Refresh(signedIn))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync("made.up")).StatusCode);
        Assert.False(guest!.ContainsKey("refreshToken"));
    }

    private async Task<JsonObject> LoginAsync()
    {
        var response = await Host.Http.PostAsJsonAsync("/api/accounts/login", new { userName = "student2", password = "student-demo" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Host.Http.PostAsJsonAsync("/api/accounts/refresh", new { refreshToken });

    private static string Refresh(JsonObject pair) => pair["refreshToken"]!.GetValue<string>();

    private HttpClient Authorized(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
