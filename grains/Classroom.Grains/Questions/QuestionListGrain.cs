using Classroom.Contracts.Questions;

namespace Classroom.Grains.Questions;

/// <summary>
/// A list of question summaries kept current by the questions (see <see cref="IQuestionListGrain"/> for the keys).
/// Bounded: a subject's queue keeps its <see cref="Capacity"/> most recently asked questions, a user's list the most
/// recently active ones; an unchanged entry is not written again, so a question re-syncing costs nothing.
/// </summary>
[GrainType("question-list")]
public sealed class QuestionListGrain([PersistentState("list")] IPersistentState<QuestionListState> state) : Grain, IQuestionListGrain
{
    /// <summary>How many entries a list keeps.</summary>
    public const int Capacity = 2000;

    private static readonly IReadOnlyList<string> NoPoints = [];

    private bool IsQueue => this.GetPrimaryKeyString().StartsWith("queue/", StringComparison.Ordinal);

    public async Task PutAsync(QuestionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var entries = state.State.Entries;
        if (entries.TryGetValue(summary.QuestionId, out var current) && Same(current, summary))
        {
            return;
        }

        entries[summary.QuestionId] = summary;
        if (entries.Count > Capacity)
        {
            var oldest = entries.Values.MinBy(e => IsQueue ? e.AskedAt : e.LastActivityAt)!;
            entries.Remove(oldest.QuestionId);
        }

        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string questionId)
    {
        if (state.State.Entries.Remove(questionId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<QuestionSummary>> ListAsync(QuestionListQuery query)
    {
        IEnumerable<QuestionSummary> entries = state.State.Entries.Values;
        if (query.Grade is { } grade)
        {
            entries = entries.Where(e => e.Grade == grade);
        }

        if (query.KnowledgePoint is { Length: > 0 } point)
        {
            entries = entries.Where(e => e.KnowledgePoints.Contains(point, StringComparer.Ordinal));
        }

        entries = query.LongestWaitingFirst
            ? entries.OrderBy(e => e.AskedAt).ThenBy(e => e.QuestionId, StringComparer.Ordinal)
            : entries.OrderByDescending(e => IsQueue ? e.AskedAt : e.LastActivityAt).ThenBy(e => e.QuestionId, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<QuestionSummary>>([.. entries.Take(Math.Clamp(query.Limit, 1, 500))]);
    }

    private static bool Same(QuestionSummary a, QuestionSummary b) =>
        a with { KnowledgePoints = NoPoints } == b with { KnowledgePoints = NoPoints } && a.KnowledgePoints.SequenceEqual(b.KnowledgePoints, StringComparer.Ordinal);
}
