namespace Classroom.Silo.Extensions;

/// <summary>Where blobs (slide decks, later media segments) are kept, from the <c>Classroom:Blobs</c> configuration section.</summary>
public sealed class ClassroomBlobOptions
{
    public const string Section = "Classroom:Blobs";

    public const string DatabaseProvider = "database";
    public const string FilesProvider = "files";

    /// <summary>
    /// <c>database</c> (the default: the deployment's own database, SQLite embedded or PostgreSQL in a cluster) or
    /// <c>files</c> (a folder, <see cref="Directory"/>).
    /// </summary>
    public string Provider { get; set; } = DatabaseProvider;

    /// <summary>
    /// The folder of the <c>files</c> provider; by default <c>blobs</c> in the data folder. In a cluster every gateway
    /// must see the same folder (a network file system): set it.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// The SQLite file blobs go to in the embedded default, in the data folder: a file of their own (<c>blobs.db</c>), so
    /// that writing a 30 MB deck never holds up the lesson's event log, which SQLite would make wait for the same write
    /// lock. Name the product's file (<c>classroom.db</c>) to keep everything in one.
    /// </summary>
    public string SqliteFile { get; set; } = "blobs.db";
}
