namespace Classroom.TestKit.Chaos;

/// <summary>
/// The environment of silo and gateway processes forming one cluster over a private Redis and PostgreSQL schema, as the
/// load runs start them: cluster mode, the demo accounts seeded, one signing key for every gateway, no connection
/// limit to trip over, and the lines the runs wait for ("Started silo", "Application started") logged.
/// </summary>
public static class ClusterEnvironment
{
    public static Dictionary<string, string> For(RedisServer redis, PostgreSqlServer postgres, string schema, string clusterId) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Classroom__Cluster__Mode"] = "cluster",
        ["Classroom__Cluster__Redis"] = redis.Configuration,
        ["Classroom__Cluster__ClusterId"] = clusterId,
        ["Classroom__Silo__Storage"] = "postgresql",
        ["Classroom__Silo__PostgreSql__ConnectionString"] = postgres.ConnectionString,
        ["Classroom__Silo__PostgreSql__Schema"] = schema,
        ["Classroom__Gateway__SeedDemo"] = "true",
        ["Classroom__Gateway__ConnectionsPerMinute"] = "100000",
        ["Classroom__Gateway__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Orleans.Runtime.Silo"] = "Information",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };
}
