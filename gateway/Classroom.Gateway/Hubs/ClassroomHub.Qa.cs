using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;
using Classroom.Gateway.Questions;

namespace Classroom.Gateway.Hubs;

internal sealed partial class ClassroomHub
{
    /// <summary>Live notices about the caller's own questions and answers, as <c>qa(topic, notice)</c>.</summary>
    public Task WatchMyQuestions()
    {
        RequireAccount();
        return qa.WatchAsync(Context.ConnectionId, QaTopics.User(User.UserId));
    }

    /// <summary>Live notices of a subject's queue: teachers and administrators.</summary>
    public Task WatchQuestionQueue(string subject)
    {
        var caller = QaCallers.From(Context.User!);
        if (caller.Kind != AccountKind.Teacher && !caller.IsAdministrator)
        {
            throw new ClassroomPermissionException(Refusals.QaTeachersAnswer);
        }

        if (!QaSubjects.IsKnown(subject))
        {
            throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject ?? "");
        }

        return qa.WatchAsync(Context.ConnectionId, QaTopics.Queue(subject));
    }

    /// <summary>Stops the notices of a subject's queue on this connection (a teacher switching subjects).</summary>
    public Task UnwatchQuestionQueue(string subject) =>
        QaSubjects.IsKnown(subject)
            ? qa.UnwatchAsync(Context.ConnectionId, QaTopics.Queue(subject))
            : throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject ?? "");

    /// <summary>Live notices of one question, for whoever may see it.</summary>
    public async Task WatchQuestion(string questionId)
    {
        await client.GetQuestion(questionId).GetAsync(QaCallers.From(Context.User!));
        await qa.WatchAsync(Context.ConnectionId, QaTopics.Question(questionId));
    }

    private void RequireAccount()
    {
        if (User.Kind == AccountKind.Guest)
        {
            throw new ClassroomPermissionException(Refusals.QaSignInRequired);
        }
    }
}
