using Classroom.Contracts.Questions;
using Microsoft.Extensions.Logging;

namespace Classroom.Grains.Questions;

public sealed partial class QuestionGrain
{
    private IGrainTimer? _syncRetry;

    /// <summary>
    /// Brings the subject's search index and the lists (the subject's queue, the author's and the teachers' own lists,
    /// the reported list) up to date with the question, then tells the watchers. The question's events are already
    /// durable: a failure here is retried on a timer (and on the next activation), never undoes the action. Each step is
    /// idempotent, so a retry that repeats one costs nothing. The action waits for it at most <see cref="QaOptions.SyncWait"/>: an
    /// index rebuilding after a silo's death must not hold the action past the caller's timeout (the caller would send
    /// it again and be told it was already done); the rest finishes on the timer.
    /// </summary>
    private async Task SyncAsync(QaNotice? notice)
    {
        try
        {
            await PushAsync().WaitAsync(_options.SyncWait, time);
        }
        catch (TimeoutException)
        {
            ScheduleSync(_options.SyncRetry);
        }
        catch (Exception e)
        {
            SyncFailed(logger, e, Id);
            ScheduleSync(_options.SyncRetry);
        }

        if (notice is not null)
        {
            Tell(notice);
        }
    }

    private async Task PushAsync()
    {
        var q = _state.Question;
        var summary = Summary();
        var inQueue = !_state.Hidden && _state.Status is QuestionStatus.Open or QuestionStatus.Answered;
        // Administrators review what is reported and not yet hidden; hiding it is the review's outcome.
        var reported = _state.Reports.Count > 0 && !_state.Hidden;
        var queue = List(IQuestionListGrain.Queue(q.Subject));
        var moderation = List(IQuestionListGrain.Reported);
        // Each step on its own: one that fails (even before its call is made) holds up none of the others.
        await Task.WhenAll([
            Step(() => GrainFactory.GetGrain<IQuestionIndexGrain>(q.Subject).UpsertAsync(Document())),
            Step(() => inQueue ? queue.PutAsync(summary) : queue.RemoveAsync(Id)),
            Step(() => reported ? moderation.PutAsync(summary) : moderation.RemoveAsync(Id)),
            Step(() => List(IQuestionListGrain.OfUser(_state.Asked!.AuthorId)).PutAsync(summary)),
            // A hidden question stays on its author's list (they still see it) and leaves its teachers' lists.
            .. Teachers().Select(user => Step(() => _state.Hidden ? List(IQuestionListGrain.OfUser(user)).RemoveAsync(Id) : List(IQuestionListGrain.OfUser(user)).PutAsync(summary))),
        ]);
        _syncRetry?.Dispose();
        _syncRetry = null;
    }

    private static async Task Step(Func<Task> step) => await step();

    private void ScheduleSync(TimeSpan after)
    {
        _syncRetry?.Dispose();
        _syncRetry = this.RegisterGrainTimer(async () =>
        {
            try
            {
                await PushAsync();
            }
            catch (Exception e)
            {
                SyncFailed(logger, e, Id);
            }
        }, new GrainTimerCreationOptions(after, _options.SyncRetry) { KeepAlive = false });
    }

    /// <summary>Tells who is concerned: whoever views the question, its author, its teachers, and the subject's queue.</summary>
    private void Tell(QaNotice notice)
    {
        List<string> topics = [QaTopics.Question(Id), .. People().Select(QaTopics.User)];
        if (notice.Type is not QaNoticeTypes.Rated and not QaNoticeTypes.FollowedUp)
        {
            topics.Add(QaTopics.Queue(_state.Question.Subject));
        }

        foreach (var topic in topics)
        {
            GrainFactory.GetGrain<IQaFeedGrain>(topic).PublishAsync(notice).Ignore();
        }
    }

    /// <summary>The author and every answering teacher.</summary>
    private IEnumerable<string> People() => new[] { _state.Asked!.AuthorId }.Concat(Teachers()).Distinct(StringComparer.Ordinal);

    private IEnumerable<string> Teachers() => _state.Answers.Select(a => a.Posted.TeacherId).Distinct(StringComparer.Ordinal);

    private IQuestionListGrain List(string key) => GrainFactory.GetGrain<IQuestionListGrain>(key);

    [LoggerMessage(1, LogLevel.Warning, "Question {QuestionId}: bringing the index and lists up to date failed; retrying")]
    private static partial void SyncFailed(ILogger logger, Exception exception, string questionId);
}
