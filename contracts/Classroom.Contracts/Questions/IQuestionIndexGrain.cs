using Orleans.Concurrency;

namespace Classroom.Contracts.Questions;

/// <summary>
/// The search index of one subject (key: the subject code): questions and lessons, searchable in Chinese. The documents
/// are kept in the grain's own log, so any silo can rebuild the index; the silo keeps a local copy of it on disk.
/// </summary>
[Alias("IQuestionIndexGrain")]
public interface IQuestionIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the document with the same id.</summary>
    [Alias("UpsertAsync")]
    Task UpsertAsync(SearchDocument document);

    /// <summary>The best matches of <paramref name="query"/>, best first.</summary>
    [AlwaysInterleave]
    [Alias("SearchAsync")]
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query);
}
