using System.Text.Json.Serialization;
using Classroom.Contracts.Questions;

namespace Classroom.Grains.Questions;

/// <summary>The knowledge points administrators added to the shipped catalogue, in the order they were added.</summary>
public sealed class KnowledgePointCatalogState
{
    [JsonPropertyName("added")]
    public List<KnowledgePoint> Added { get; set; } = [];
}
