namespace Classroom.Runtime.Storage;

/// <summary>Where the PostgreSQL grain and event log storages keep their tables.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=classroom;Password=…;Database=classroom</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema holding the tables; created, with them, on first use. Lower-case letters, digits and '_'.</summary>
    public string Schema { get; set; } = "classroom";
}
