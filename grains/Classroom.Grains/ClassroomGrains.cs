using System.Reflection;

namespace Classroom.Grains;

/// <summary>Where a silo finds the classroom grains.</summary>
public static class ClassroomGrains
{
    /// <summary>The assembly holding the grain classes.</summary>
    public static Assembly Assembly => typeof(ClassroomGrains).Assembly;
}
