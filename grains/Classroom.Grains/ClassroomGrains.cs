using System.Reflection;
using System.Text.Json.Serialization;
using Classroom.Contracts.Serialization;
using Classroom.Grains.Serialization;

namespace Classroom.Grains;

/// <summary>What a silo needs to host the classroom grains.</summary>
public static class ClassroomGrains
{
    /// <summary>The assembly holding the grain classes.</summary>
    public static Assembly Assembly => typeof(ClassroomGrains).Assembly;

    /// <summary>The JSON contexts of the protocol and of the grains' stored state.</summary>
    public static IReadOnlyList<JsonSerializerContext> SerializerContexts => [ContractsJsonContext.Default, GrainStateJsonContext.Default];
}
