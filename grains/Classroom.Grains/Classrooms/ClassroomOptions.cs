namespace Classroom.Grains.Classrooms;

/// <summary>Limits and cadences of classrooms, from the <c>Classroom:Classrooms</c> configuration section.</summary>
public sealed class ClassroomOptions
{
    public const string Section = "Classroom:Classrooms";

    /// <summary>The longest chat message, in characters.</summary>
    public int ChatMaxLength { get; set; } = 500;

    /// <summary>How many recent chat messages late joiners get.</summary>
    public int ChatHistory { get; set; } = 200;

    /// <summary>Above this many present, individual joins and leaves are no longer sent to the class; counts are.</summary>
    public int PresenceThreshold { get; set; } = 500;

    /// <summary>How many students may be on stage at once.</summary>
    public int StageSize { get; set; } = 6;

    /// <summary>How often live poll tallies are sent while votes come in.</summary>
    public TimeSpan TallyInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the laser pointers that moved are sent: at most one position per drawer per interval.</summary>
    public TimeSpan PointerInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The least time between two presence counts.</summary>
    public TimeSpan PresenceCountInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A snapshot of the folded state is stored every this many events, so reactivation reads only the log's tail.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    /// <summary>How many recent committed events stay in memory for clients catching up.</summary>
    public int RetainedEvents { get; set; } = 10_000;

    /// <summary>
    /// How long a host's subscription to a classroom's events lasts unless renewed (gateways renew well within it). A
    /// gateway that died stops being sent events after this long.
    /// </summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when every limit, count and interval is positive (checked when the silo starts).</summary>
    public static bool IsValid(ClassroomOptions o) =>
        o.ChatMaxLength > 0 && o.ChatHistory > 0 && o.PresenceThreshold > 0 && o.StageSize > 0 && o.TallyInterval > TimeSpan.Zero && o.PointerInterval > TimeSpan.Zero
        && o.PresenceCountInterval > TimeSpan.Zero && o.SnapshotEvery > 0 && o.RetainedEvents > 0 && o.SubscriptionLifetime > TimeSpan.Zero;
}
