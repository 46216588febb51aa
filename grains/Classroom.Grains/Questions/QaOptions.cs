namespace Classroom.Grains.Questions;

/// <summary>The Q&amp;A centre's limits and where the search index keeps its local copy (<c>Classroom:Qa</c>).</summary>
public sealed class QaOptions
{
    public const string Section = "Classroom:Qa";

    public int TitleMin { get; set; } = 4;
    public int TitleMax { get; set; } = 60;
    public int TextMax { get; set; } = 2000;
    public int PhotosMax { get; set; } = 3;
    public int KnowledgePointsMax { get; set; } = 5;
    public int ReasoningMax { get; set; } = 4000;
    public int StepsMax { get; set; } = 20;
    public int StepMax { get; set; } = 1000;
    public int FinalAnswerMax { get; set; } = 500;
    public int ResourcesMax { get; set; } = 5;
    public int ResourceTitleMax { get; set; } = 100;
    public int FollowUpMax { get; set; } = 500;
    public int FollowUpsPerAnswer { get; set; } = 30;
    public int ReportReasonMax { get; set; } = 200;

    /// <summary>
    /// The folder under which this silo keeps its copy of the subjects' search indexes (a folder per subject), its own:
    /// two silos must not share one (the second would keep its copy in memory). Null keeps them in memory, rebuilt from
    /// the index logs on every activation.
    /// </summary>
    public string? IndexDirectory { get; set; }

    /// <summary>How often an index commits its local copy, so a reactivation on the same silo replays only what followed.</summary>
    public TimeSpan IndexCommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a subscription to a Q&amp;A feed lives unless renewed.</summary>
    public TimeSpan FeedSubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an action waits for the index and lists before it answers (the rest finishes on a timer): under the
    /// cluster's call timeout (3 s), so a caller never sends an action again while an index is rebuilding.
    /// </summary>
    public TimeSpan SyncWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How soon a question retries bringing the index and lists up to date after a failure.</summary>
    public TimeSpan SyncRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when every limit and interval is positive (and the title's range is a range).</summary>
    public static bool IsValid(QaOptions o) =>
        o.TitleMin > 0 && o.TitleMax >= o.TitleMin && o.TextMax > 0 && o.PhotosMax >= 0 && o.KnowledgePointsMax > 0 && o.ReasoningMax > 0
        && o.StepsMax > 0 && o.StepMax > 0 && o.FinalAnswerMax > 0 && o.ResourcesMax >= 0 && o.ResourceTitleMax > 0 && o.FollowUpMax > 0
        && o.FollowUpsPerAnswer > 0 && o.ReportReasonMax > 0 && o.IndexCommitInterval > TimeSpan.Zero
        && o.FeedSubscriptionLifetime > TimeSpan.Zero && o.SyncRetry > TimeSpan.Zero && o.SyncWait > TimeSpan.Zero;
}
