using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Classroom.Contracts.Classrooms;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Classroom.Gateway.Tests;

/// <summary>Passwords, tokens of other deployments, the hub's connection limit, and what every API response carries.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AccountSafeguardTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData("weak-one", "password", "account.password-common")]
    [InlineData("weak-two", "12345678", "account.password-common")]
    [InlineData("weak-three", "weak-three", "account.password-like-name")]
    [InlineData("weak-four", "Ruof-Kaew2024", "account.password-like-name")]
    public async Task A_common_or_name_made_password_is_refused_with_its_code(string userName, string password, string code)
    {
        var response = await Host.Http.PostAsJsonAsync("/api/accounts", new { userName, password, displayName = "Weak", kind = "student" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_signed_with_another_deployments_key_is_refused_by_the_api_and_the_hub()
    {
        var foreign = new TokenService(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), Options.Create(new GatewayOptions()), TimeProvider.System)
            .Issue(new CurrentUser("teacher", "王芳", AccountKind.Teacher)).AccessToken;

        Assert.Equal(HttpStatusCode.Unauthorized, (await Authorized(foreign).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Authorized(foreign).PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null)).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => Host.ConnectAsync(foreign));
    }

    [Fact]
    public async Task A_correctly_signed_token_for_an_account_this_deployment_lacks_is_refused_by_the_api_and_the_hub()
    {
        var tokens = Host.Services.GetRequiredService<TokenService>();
        var stranger = tokens.Issue(new CurrentUser("no-such-student", "Stranger", AccountKind.Student)).AccessToken;
        var promoted = tokens.Issue(new CurrentUser("student1", "演示学生1", AccountKind.Teacher)).AccessToken;

        Assert.Equal(HttpStatusCode.Unauthorized, (await Authorized(stranger).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Authorized(promoted).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Authorized(stranger).PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null)).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => Host.ConnectAsync(stranger));
        Assert.Equal(HttpStatusCode.OK, (await Authorized(await Host.StudentTokenAsync(1)).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_user_may_open_sixty_hub_connections_a_minute_and_the_next_gets_a_429_problem_with_retry_after()
    {
        var userName = $"conn-{Guid.NewGuid():N}"[..20];
        (await Host.Http.PostAsJsonAsync("/api/accounts", new { userName, password = "many tabs open", displayName = "Tabs", kind = "student" })).EnsureSuccessStatusCode();
        var token = await Host.TokenAsync(userName, "many tabs open");
        var connections = new List<HubTestClient>();
        try
        {
            for (var i = 0; i < 60; i++)
            {
                connections.Add(await Host.ConnectAsync(token));
            }

            var refused = await Authorized(token).PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null);
            var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Equal("hub.connection-rate-limit", problem!["code"]!.GetValue<string>());
            Assert.Equal("Too many requests", problem["title"]!.GetValue<string>());
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("/api/lessons")]
    [InlineData("/api/me")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health")]
    public async Task Api_responses_carry_the_security_headers_errors_included(string path)
    {
        var response = await Host.Http.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_openapi_document_says_scheduling_a_lesson_answers_201_with_the_snapshot()
    {
        var openApi = await Host.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var responses = openApi!["paths"]!["/api/lessons"]!["post"]!["responses"]!.AsObject();

        Assert.Equal(["201"], responses.Select(r => r.Key));
        Assert.EndsWith("ClassroomSnapshot", responses["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    private HttpClient Authorized(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
