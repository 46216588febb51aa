using Classroom.Contracts.Questions;

namespace Classroom.Grains.Questions;

public sealed partial class QuestionGrain
{
    /// <summary>The question as <paramref name="caller"/> sees it: the report count is for administrators only.</summary>
    private QuestionView View(QaCaller caller)
    {
        var asked = _state.Asked!;
        var q = asked.Question;
        return new QuestionView(
            Id, q.Subject, q.Grade, q.KnowledgePoints, q.Title, q.Text, q.PhotoIds, asked.AuthorId, asked.AuthorName, asked.At,
            _state.Status, _state.Hidden, caller.IsAdministrator ? _state.Reports.Count : 0,
            [.. _state.Answers.Select(a => new AnswerView(
                a.AnswerId, a.Posted.TeacherId, a.Posted.TeacherName, a.Posted.Answer, a.Posted.At, a.AnswerId == _state.AdoptedAnswerId, [.. a.FollowUps]))],
            _state.AdoptedAnswerId, _state.Rating);
    }

    private QuestionSummary Summary()
    {
        var asked = _state.Asked!;
        var q = asked.Question;
        return new QuestionSummary(
            Id, q.Subject, q.Grade, q.KnowledgePoints, q.Title, asked.AuthorName, asked.At, _state.Status, _state.Answers.Count, _state.LastActivityAt);
    }

    /// <summary>What the search index holds of the question: the adopted answer's text first, so its words weigh most.</summary>
    private SearchDocument Document()
    {
        var q = _state.Question;
        var answers = _state.Answers
            .OrderByDescending(a => a.AnswerId == _state.AdoptedAnswerId)
            .Select(a => string.Join('\n', [a.Posted.Answer.Reasoning, .. a.Posted.Answer.Steps, a.Posted.Answer.FinalAnswer]));
        return new SearchDocument(
            Id, SearchKinds.Question, q.Subject, q.Grade, q.KnowledgePoints, q.Title, q.Text, string.Join("\n\n", answers),
            _state.Answers.Count > 0, _state.AdoptedAnswerId is not null, !_state.Hidden, _state.Asked!.At);
    }

    private QaNotice Notice(string type, QaCaller actor) =>
        new(type, Id, _state.Question.Title, _state.Question.Subject, actor.DisplayName, Now, ActorId: actor.UserId);
}
