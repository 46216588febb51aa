namespace Classroom.Runtime.Storage;

/// <summary>Where the SQLite grain storage keeps its file.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>The data folder; created if missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file within <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "classroom.db";

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
