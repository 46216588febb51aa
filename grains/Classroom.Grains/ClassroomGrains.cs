using System.Text.Json.Serialization;
using Classroom.Contracts.Serialization;
using Classroom.Grains.Serialization;

namespace Classroom.Grains;

/// <summary>What a silo needs to host the classroom grains besides the grain classes (which Orleans finds itself).</summary>
public static class ClassroomGrains
{
    /// <summary>The JSON contexts of the protocol and of the grains' stored state.</summary>
    public static IReadOnlyList<JsonSerializerContext> SerializerContexts => [ContractsJsonContext.Default, GrainStateJsonContext.Default];
}
