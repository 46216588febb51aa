using Orleans.Concurrency;

namespace Classroom.Contracts.Questions;

/// <summary>
/// One question of the Q&amp;A centre (key: its id), event-sourced: asked by a student, answered by teachers, one answer
/// adopted and rated by the author, followed up, closed, reported, hidden. The grain holds every rule.
/// </summary>
[Alias("IQuestionGrain")]
public interface IQuestionGrain : IGrainWithStringKey
{
    /// <summary>Asks the question (once, by a student).</summary>
    [Alias("AskAsync")]
    Task<QuestionView> AskAsync(QaCaller caller, QuestionDraft draft);

    /// <summary>The question as <paramref name="caller"/> may see it; a hidden one only to its author and administrators.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<QuestionView> GetAsync(QaCaller caller);

    /// <summary>A teacher's answer (one per teacher; not on a closed question). Returns the new answer's id.</summary>
    [Alias("AnswerAsync")]
    Task<string> AnswerAsync(QaCaller caller, AnswerDraft answer);

    /// <summary>The author adopts one answer, once.</summary>
    [Alias("AdoptAsync")]
    Task AdoptAsync(QaCaller caller, string answerId);

    /// <summary>The author rates the adopted answer, 1-5 stars, once.</summary>
    [Alias("RateAsync")]
    Task RateAsync(QaCaller caller, int stars);

    /// <summary>A follow-up under an answer, by the question's author or that answer's teacher.</summary>
    [Alias("FollowUpAsync")]
    Task FollowUpAsync(QaCaller caller, string answerId, string text);

    /// <summary>Closed by its author or an administrator: no more answers.</summary>
    [Alias("CloseAsync")]
    Task CloseAsync(QaCaller caller);

    /// <summary>Anyone but the author reports it (once each), with a short reason.</summary>
    [Alias("ReportAsync")]
    Task ReportAsync(QaCaller caller, string reason);

    /// <summary>An administrator hides (or shows again) the question: hidden ones are never found or listed.</summary>
    [Alias("SetHiddenAsync")]
    Task SetHiddenAsync(QaCaller caller, bool hidden);
}
