using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>A knowledge point of the middle-school curriculum, as questions are tagged with it and searched by it.</summary>
/// <param name="Id">Stable, subject-prefixed: <c>math.linear-equation-one-variable</c>. Questions store this, never the name.</param>
/// <param name="Subject">The product's subject code: math, chinese, english, physics, chemistry, biology, history, geography, politics.</param>
/// <param name="Zh">The Chinese name pages show first (一元一次方程).</param>
/// <param name="En">The English name (Linear equations in one variable).</param>
[GenerateSerializer, Immutable, Alias("KnowledgePoint")]
public sealed record KnowledgePoint(
    [Id(0)] [property: JsonPropertyName("id")] string Id,
    [Id(1)] [property: JsonPropertyName("subject")] string Subject,
    [Id(2)] [property: JsonPropertyName("zh")] string Zh,
    [Id(3)] [property: JsonPropertyName("en")] string En);
