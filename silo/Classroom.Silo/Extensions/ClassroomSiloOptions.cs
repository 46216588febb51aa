namespace Classroom.Silo.Extensions;

/// <summary>Settings of the silo host, from the <c>Classroom:Silo</c> configuration section.</summary>
public sealed class ClassroomSiloOptions
{
    public const string Section = "Classroom:Silo";

    /// <summary>Where the embedded SQLite database lives; relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";
}
