using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Photos;
using Classroom.Contracts.Questions;
using Classroom.Persistence.EventLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Classroom.Grains.Questions;

/// <summary>
/// One question, event-sourced: each action checks the rules against <see cref="QuestionState"/>, appends its event to
/// the question's log, applies it, and then brings the search index, the lists and the watchers up to date
/// (QuestionGrain.Sync.cs). Not reentrant: a question sees few actions, one at a time keeps every rule simple (no
/// answer is adopted twice, no rating comes before an adoption).
/// </summary>
[GrainType("question")]
public sealed partial class QuestionGrain(
    [EventLog("events")] IEventLog<QuestionEvent> log,
    IOptions<QaOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<QuestionGrain> logger) : Grain, IQuestionGrain
{
    private readonly QaOptions _options = options.Value;
    private readonly QuestionState _state = new();

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await log.ReadAsync(_state.Seq, 1000, cancellationToken);
            foreach (var entry in page)
            {
                _state.Apply(entry.Event);
            }

            if (page.Count < 1000)
            {
                break;
            }
        }

        // The last activation may have died between an append and its sync: catch up soon (idempotent when current).
        if (_state.Asked is not null)
        {
            ScheduleSync(TimeSpan.Zero);
        }
    }

    public async Task<QuestionView> AskAsync(QaCaller caller, QuestionDraft draft)
    {
        RequireSignedIn(caller);
        if (caller.Kind != AccountKind.Student)
        {
            throw new ClassroomPermissionException(Refusals.QaStudentsAsk);
        }

        if (_state.Asked is not null)
        {
            throw new ClassroomStateException(Refusals.QaAlreadyAsked);
        }

        var question = QuestionRules.Checked(draft, _options);
        await GrainFactory.GetGrain<IKnowledgePointCatalogGrain>(IKnowledgePointCatalogGrain.Key).CheckAsync(question.Subject, question.KnowledgePoints);
        await CheckPhotosAsync(caller, question.PhotoIds);
        await RaiseAsync(new QuestionAsked(Now, caller.UserId, caller.DisplayName, question));
        await SyncAsync(Notice(QaNoticeTypes.Asked, caller));
        return View(caller);
    }

    public Task<QuestionView> GetAsync(QaCaller caller)
    {
        RequireVisibleTo(caller);
        return Task.FromResult(View(caller));
    }

    public async Task<string> AnswerAsync(QaCaller caller, AnswerDraft answer)
    {
        RequireVisibleTo(caller);
        if (caller.Kind != AccountKind.Teacher)
        {
            throw new ClassroomPermissionException(Refusals.QaTeachersAnswer);
        }

        RequireOpenForAnswers();
        if (_state.Answers.Any(a => a.Posted.TeacherId == caller.UserId))
        {
            throw new ClassroomStateException(Refusals.QaAlreadyAnswered);
        }

        var answerId = $"a{_state.Answers.Count + 1}";
        await RaiseAsync(new AnswerPosted(Now, answerId, caller.UserId, caller.DisplayName, QuestionRules.Checked(answer, _options)));
        await SyncAsync(Notice(QaNoticeTypes.Answered, caller));
        return answerId;
    }

    public async Task AdoptAsync(QaCaller caller, string answerId)
    {
        RequireVisibleTo(caller);
        if (caller.UserId != _state.Asked!.AuthorId)
        {
            throw new ClassroomPermissionException(Refusals.QaAuthorAdopts);
        }

        var answer = RequireAnswer(answerId);
        if (_state.AdoptedAnswerId is not null)
        {
            throw new ClassroomStateException(Refusals.QaAlreadyAdopted);
        }

        RequireNotClosed();
        await RaiseAsync(new AnswerAdopted(Now, answer.AnswerId));
        await SyncAsync(Notice(QaNoticeTypes.Adopted, caller));
    }

    public async Task RateAsync(QaCaller caller, int stars)
    {
        RequireVisibleTo(caller);
        if (caller.UserId != _state.Asked!.AuthorId)
        {
            throw new ClassroomPermissionException(Refusals.QaAuthorRates);
        }

        QuestionRules.CheckedStars(stars);
        if (_state.AdoptedAnswerId is not { } adopted)
        {
            throw new ClassroomStateException(Refusals.QaRateAdoptedOnly);
        }

        if (_state.Rating is not null)
        {
            throw new ClassroomStateException(Refusals.QaAlreadyRated);
        }

        await RaiseAsync(new AnswerRated(Now, adopted, stars));
        await SyncAsync(Notice(QaNoticeTypes.Rated, caller) with { Stars = stars });
    }

    public async Task FollowUpAsync(QaCaller caller, string answerId, string text)
    {
        RequireVisibleTo(caller);
        var answer = RequireAnswer(answerId);
        if (caller.UserId != _state.Asked!.AuthorId && caller.UserId != answer.Posted.TeacherId)
        {
            throw new ClassroomPermissionException(Refusals.QaFollowUpWho);
        }

        var checkedText = QuestionRules.Text(text, Phrase.FollowUpText, 1, _options.FollowUpMax);
        RequireNotClosed();
        if (answer.FollowUps.Count >= _options.FollowUpsPerAnswer)
        {
            throw new ClassroomStateException(Refusals.QaFollowUpsFull, _options.FollowUpsPerAnswer);
        }

        await RaiseAsync(new FollowUpPosted(Now, answer.AnswerId, caller.UserId, caller.DisplayName, checkedText));
        await SyncAsync(Notice(QaNoticeTypes.FollowedUp, caller));
    }

    public async Task CloseAsync(QaCaller caller)
    {
        RequireVisibleTo(caller);
        if (caller.UserId != _state.Asked!.AuthorId && !caller.IsAdministrator)
        {
            throw new ClassroomPermissionException(Refusals.QaCloseWho);
        }

        RequireNotClosed();
        await RaiseAsync(new QuestionClosed(Now, caller.UserId));
        await SyncAsync(Notice(QaNoticeTypes.Closed, caller));
    }

    public async Task ReportAsync(QaCaller caller, string reason)
    {
        RequireVisibleTo(caller);
        if (caller.UserId == _state.Asked!.AuthorId)
        {
            throw new ClassroomStateException(Refusals.QaReportOwn);
        }

        var checkedReason = QuestionRules.Text(reason, Phrase.ReportReason, 1, _options.ReportReasonMax);
        if (_state.Reports.ContainsKey(caller.UserId))
        {
            throw new ClassroomStateException(Refusals.QaAlreadyReported);
        }

        await RaiseAsync(new QuestionReported(Now, caller.UserId, checkedReason));
        // No notice: it would name the reporter to the author; administrators read the reported list.
        await SyncAsync(null);
    }

    public async Task SetHiddenAsync(QaCaller caller, bool hidden)
    {
        RequireSignedIn(caller);
        if (!caller.IsAdministrator)
        {
            throw new ClassroomPermissionException(Refusals.QaAdministratorsOnly);
        }

        RequireAsked();
        if (_state.Hidden != hidden)
        {
            await RaiseAsync(new QuestionHiddenChanged(Now, caller.UserId, hidden));
            await SyncAsync(Notice(QaNoticeTypes.HiddenChanged, caller));
        }
    }

    /// <summary>Refuses photos that were not uploaded (and re-encoded) by the asking student.</summary>
    private async Task CheckPhotosAsync(QaCaller author, IReadOnlyList<string> photoIds)
    {
        foreach (var photoId in photoIds)
        {
            var owner = PhotoIdRule.IsValid(photoId) ? await OwnerOfAsync(photoId) : null;
            if (owner != author.UserId)
            {
                throw new ClassroomValidationException(Refusals.QaPhotos, _options.PhotosMax);
            }
        }
    }

    private async Task<string?> OwnerOfAsync(string photoId)
    {
        try
        {
            return (await GrainFactory.GetGrain<IPhotoGrain>(photoId).GetInfoAsync()).OwnerId;
        }
        catch (ClassroomNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Appends <paramref name="e"/> to the log, then applies it: the state never runs ahead of what is durable.</summary>
    private async Task RaiseAsync(QuestionEvent e)
    {
        await log.AppendAsync(_state.Seq + 1, [e]);
        _state.Apply(e);
    }

    private static void RequireSignedIn(QaCaller caller)
    {
        if (caller is null || caller.Kind == AccountKind.Guest || string.IsNullOrEmpty(caller.UserId))
        {
            throw new ClassroomPermissionException(Refusals.QaSignInRequired);
        }
    }

    private void RequireAsked()
    {
        if (_state.Asked is null)
        {
            throw new ClassroomNotFoundException(Refusals.QaNotFound, Id);
        }
    }

    /// <summary>A hidden question exists only for its author and administrators; for anyone else it is not found.</summary>
    private void RequireVisibleTo(QaCaller caller)
    {
        RequireSignedIn(caller);
        RequireAsked();
        if (_state.Hidden && !caller.IsAdministrator && caller.UserId != _state.Asked!.AuthorId)
        {
            throw new ClassroomNotFoundException(Refusals.QaNotFound, Id);
        }
    }

    private void RequireNotClosed()
    {
        if (_state.Closed)
        {
            throw new ClassroomStateException(Refusals.QaClosed);
        }
    }

    private void RequireOpenForAnswers()
    {
        RequireNotClosed();
        if (_state.Hidden)
        {
            throw new ClassroomStateException(Refusals.QaHidden);
        }
    }

    private AnswerState RequireAnswer(string answerId) =>
        _state.Answer(answerId ?? "") ?? throw new ClassroomNotFoundException(Refusals.QaAnswerNotFound, answerId ?? "");
}
