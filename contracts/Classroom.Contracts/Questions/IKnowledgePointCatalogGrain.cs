using System.Text.Json.Serialization;
using Orleans.Concurrency;

namespace Classroom.Contracts.Questions;

/// <summary>
/// The knowledge points questions are tagged with (one grain, key <see cref="Key"/>): the catalogue the product ships
/// and the points administrators added.
/// </summary>
[Alias("IKnowledgePointCatalogGrain")]
public interface IKnowledgePointCatalogGrain : IGrainWithStringKey
{
    /// <summary>The key of the one catalogue.</summary>
    public const string Key = "catalog";

    /// <summary>Every subject with its points, shipped ones first in teaching order, then the added ones.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<IReadOnlyList<SubjectPoints>> GetAsync();

    /// <summary>Refuses unless every id is a point of <paramref name="subject"/>.</summary>
    [ReadOnly]
    [Alias("CheckAsync")]
    Task CheckAsync(string subject, IReadOnlyList<string> pointIds);

    /// <summary>An administrator adds a point to a subject; its id is made from the subject.</summary>
    [Alias("AddAsync")]
    Task<KnowledgePoint> AddAsync(QaCaller caller, string subject, string zh, string en);
}

/// <summary>A subject's knowledge points.</summary>
[GenerateSerializer, Immutable, Alias("SubjectPoints")]
public sealed record SubjectPoints(
    [Id(0)] [property: JsonPropertyName("subject")] string Subject,
    [Id(1)] [property: JsonPropertyName("points")] IReadOnlyList<KnowledgePoint> Points);
