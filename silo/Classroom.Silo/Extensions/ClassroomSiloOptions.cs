using Classroom.Persistence.Storage;

namespace Classroom.Silo.Extensions;

/// <summary>Settings of the silo host, from the <c>Classroom:Silo</c> configuration section.</summary>
public sealed class ClassroomSiloOptions
{
    public const string Section = "Classroom:Silo";

    /// <summary>Where the embedded SQLite database lives; relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where grain state and event logs live: <c>sqlite</c> (the embedded default) or <c>postgresql</c>.</summary>
    public string Storage { get; set; } = SqliteStorage;

    /// <summary>The PostgreSQL database, when <see cref="Storage"/> is <c>postgresql</c>.</summary>
    public PostgreSqlStorageOptions PostgreSql { get; set; } = new();

    /// <summary>
    /// Whether the silo collects statistics for the Orleans dashboard (per grain call: a small cost on every call). The
    /// gateway's <c>/dashboard</c> shows nothing from a silo that does not.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    public const string SqliteStorage = "sqlite";
    public const string PostgreSqlStorage = "postgresql";
}
