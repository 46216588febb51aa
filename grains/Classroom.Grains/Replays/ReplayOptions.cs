namespace Classroom.Grains.Replays;

/// <summary>How replays keep their checkpoints, from the <c>Classroom:Replays</c> configuration section.</summary>
public sealed class ReplayOptions
{
    public const string Section = "Classroom:Replays";

    /// <summary>
    /// A checkpoint of the folded state is kept every this many events: a seek reads one checkpoint and folds at most
    /// this many events. Smaller seeks faster and stores more.
    /// </summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>While a lesson is still live, how stale the replay's view of its log may be before a call reads the new events.</summary>
    public TimeSpan LiveRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when both settings are positive (checked when the silo starts).</summary>
    public static bool IsValid(ReplayOptions o) => o.CheckpointEvery > 0 && o.LiveRefreshInterval > TimeSpan.Zero;
}
