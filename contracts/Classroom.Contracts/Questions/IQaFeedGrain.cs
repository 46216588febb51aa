using System.Text.Json.Serialization;
using Orleans.Concurrency;

namespace Classroom.Contracts.Questions;

/// <summary>
/// Live notices of the Q&amp;A centre on one topic (key: the topic): <c>user/{id}</c> (what concerns a user's questions
/// and answers), <c>queue/{subject}</c> (the teachers' queue), <c>question/{id}</c> (anyone viewing it). Gateways
/// subscribe for the topics their connections watch and renew the subscription; notices are best effort (pages
/// re-read the question on a notice and whenever they reconnect).
/// </summary>
[Alias("IQaFeedGrain")]
public interface IQaFeedGrain : IGrainWithStringKey
{
    /// <summary>Subscribes (or renews) <paramref name="observer"/>; it expires unless renewed.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(IQaObserver observer);

    /// <summary>Ends a subscription.</summary>
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IQaObserver observer);

    /// <summary>Sends <paramref name="notice"/> to every subscriber.</summary>
    [OneWay]
    [Alias("PublishAsync")]
    Task PublishAsync(QaNotice notice);
}

/// <summary>A gateway's receiver of Q&amp;A notices.</summary>
[Alias("IQaObserver")]
public interface IQaObserver : IGrainObserver
{
    /// <summary>A notice on <paramref name="topic"/>.</summary>
    [OneWay]
    [Alias("OnNoticeAsync")]
    Task OnNoticeAsync(string topic, QaNotice notice);
}

/// <summary>Something happened to a question: pages show it and re-read what they show.</summary>
/// <param name="Type">One of <see cref="QaNoticeTypes"/>.</param>
/// <param name="ActorName">Who did it (a teacher's or student's display name).</param>
/// <param name="ActorId">Who did it, by user id: a page leaves out what its own user did.</param>
[GenerateSerializer, Immutable, Alias("QaNotice")]
public sealed record QaNotice(
    [Id(0)] [property: JsonPropertyName("type")] string Type,
    [Id(1)] [property: JsonPropertyName("questionId")] string QuestionId,
    [Id(2)] [property: JsonPropertyName("title")] string Title,
    [Id(3)] [property: JsonPropertyName("subject")] string Subject,
    [Id(4)] [property: JsonPropertyName("actorName")] string ActorName,
    [Id(5)] [property: JsonPropertyName("at")] DateTimeOffset At,
    [Id(6)] [property: JsonPropertyName("stars")] int? Stars = null,
    [Id(7)] [property: JsonPropertyName("actorId")] string? ActorId = null);

/// <summary>The kinds of Q&amp;A notice.</summary>
public static class QaNoticeTypes
{
    public const string Asked = "question.asked";
    public const string Answered = "answer.posted";
    public const string Adopted = "answer.adopted";
    public const string Rated = "answer.rated";
    public const string FollowedUp = "followup.posted";
    public const string Closed = "question.closed";
    public const string HiddenChanged = "question.hidden-changed";
}

/// <summary>The topics of Q&amp;A notices.</summary>
public static class QaTopics
{
    public static string User(string userId) => $"user/{userId}";

    public static string Queue(string subject) => $"queue/{subject}";

    public static string Question(string questionId) => $"question/{questionId}";
}
