using System.Text.Json.Serialization;

namespace Classroom.Runtime.Serialization;

/// <summary>A source-generated JSON context whose types may cross the grain serialization boundary.</summary>
internal sealed record SerializerContextRegistration(JsonSerializerContext Context);
