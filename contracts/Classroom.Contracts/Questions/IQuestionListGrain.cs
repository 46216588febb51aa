using Orleans.Concurrency;

namespace Classroom.Contracts.Questions;

/// <summary>
/// A list of questions kept current by the questions themselves: the open queue of a subject (key
/// <c>queue/{subject}</c>: not adopted, closed or hidden), a user's own questions (key <c>user/{userId}</c>: asked, or
/// answered by a teacher), and the reported ones administrators review (key <see cref="Reported"/>).
/// </summary>
[Alias("IQuestionListGrain")]
public interface IQuestionListGrain : IGrainWithStringKey
{
    /// <summary>The key of the list of reported questions.</summary>
    public const string Reported = "reported";

    /// <summary>The key of a subject's queue.</summary>
    public static string Queue(string subject) => $"queue/{subject}";

    /// <summary>The key of a user's questions.</summary>
    public static string OfUser(string userId) => $"user/{userId}";

    /// <summary>Adds or replaces the question's entry.</summary>
    [Alias("PutAsync")]
    Task PutAsync(QuestionSummary summary);

    /// <summary>Removes the question's entry, if there.</summary>
    [Alias("RemoveAsync")]
    Task RemoveAsync(string questionId);

    /// <summary>Entries, newest first (or longest waiting first), optionally of one grade or knowledge point.</summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<IReadOnlyList<QuestionSummary>> ListAsync(QuestionListQuery query);
}

/// <summary>How to list: order, filters, how many.</summary>
/// <param name="LongestWaitingFirst">Oldest asked first (the queue's "longest waiting"); else newest activity first.</param>
[GenerateSerializer, Immutable, Alias("QuestionListQuery")]
public sealed record QuestionListQuery(
    [Id(0)] bool LongestWaitingFirst = false,
    [Id(1)] int? Grade = null,
    [Id(2)] string? KnowledgePoint = null,
    [Id(3)] int Limit = 100);
