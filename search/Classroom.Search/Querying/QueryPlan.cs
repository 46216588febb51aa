using Lucene.Net.Search;

namespace Classroom.Search.Querying;

/// <summary>What a <see cref="Contracts.Questions.SearchQuery"/> becomes: the Lucene query, and what to mark in hits.</summary>
/// <param name="Sort">Null to rank by relevance; newest first when there is no text to rank by.</param>
/// <param name="Marks">The word runs to mark in titles and snippets: each query word, and each other way of saying one.</param>
internal sealed record QueryPlan(Query Query, Sort? Sort, IReadOnlyList<string[]> Marks, int Limit);
