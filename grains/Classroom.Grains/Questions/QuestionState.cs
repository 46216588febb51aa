using Classroom.Contracts.Questions;

namespace Classroom.Grains.Questions;

/// <summary>A question as its events leave it: rebuilt from the log on activation, changed only by <see cref="Apply"/>.</summary>
internal sealed class QuestionState
{
    public long Seq { get; private set; }

    public QuestionAsked? Asked { get; private set; }

    public List<AnswerState> Answers { get; } = [];

    public string? AdoptedAnswerId { get; private set; }

    public int? Rating { get; private set; }

    public bool Closed { get; private set; }

    public bool Hidden { get; private set; }

    /// <summary>Who reported it, and why.</summary>
    public Dictionary<string, string> Reports { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastActivityAt { get; private set; }

    public QuestionDraft Question => Asked?.Question ?? throw new InvalidOperationException("The question was not asked.");

    public QuestionStatus Status =>
        Closed ? QuestionStatus.Closed
        : AdoptedAnswerId is not null ? QuestionStatus.Adopted
        : Answers.Count > 0 ? QuestionStatus.Answered
        : QuestionStatus.Open;

    public AnswerState? Answer(string answerId) => Answers.Find(a => a.AnswerId == answerId);

    public void Apply(QuestionEvent e)
    {
        Seq++;
        switch (e)
        {
            case QuestionAsked asked:
                Asked = asked;
                break;
            case AnswerPosted posted:
                Answers.Add(new AnswerState(posted));
                break;
            case AnswerAdopted adopted:
                AdoptedAnswerId = adopted.AnswerId;
                break;
            case AnswerRated rated:
                Rating = rated.Stars;
                break;
            case FollowUpPosted followUp:
                Answer(followUp.AnswerId)?.FollowUps.Add(new FollowUp(followUp.AuthorId, followUp.AuthorName, followUp.Text, followUp.At));
                break;
            case QuestionClosed:
                Closed = true;
                break;
            case QuestionReported reported:
                Reports.TryAdd(reported.ById, reported.Reason);
                break;
            case QuestionHiddenChanged hidden:
                Hidden = hidden.Hidden;
                break;
        }

        // Reports and moderation are not activity of the question's own people.
        if (e is not (QuestionReported or QuestionHiddenChanged))
        {
            LastActivityAt = e.At;
        }
    }
}

/// <summary>One teacher's answer and its follow-ups.</summary>
internal sealed class AnswerState(AnswerPosted posted)
{
    public string AnswerId => posted.AnswerId;

    public AnswerPosted Posted => posted;

    public List<FollowUp> FollowUps { get; } = [];
}
