namespace Classroom.Gateway;

/// <summary>Settings of the gateway, from the <c>Classroom:Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Classroom:Gateway";

    /// <summary>Seeds a demo teacher, demo students and a scheduled demo lesson at start.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>How long events that arrive close together wait to travel in one frame per connection.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How often the gateway renews its subscription to each classroom it serves. Also how soon, after a silo died, the
    /// classroom's new activation is found and its events flow again: keep it well below
    /// <c>Classroom:Classrooms:SubscriptionLifetime</c>.
    /// </summary>
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Frames a connection may have waiting to be sent; beyond, the viewer is told to resync.</summary>
    public int MaxPendingFrames { get; set; } = 64;

    /// <summary>A connection whose current write has been blocked this long (the client is not reading) is behind.</summary>
    public TimeSpan MaxWriteStall { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a viewer may stay too far behind before it is disconnected.</summary>
    public TimeSpan SlowViewerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A rejoin with a last seq at most this many events behind gets the missed events; further, a snapshot.</summary>
    public int ResumeWindow { get; set; } = 1000;

    /// <summary>The largest message a client may send to the hub.</summary>
    public long MaxMessageBytes { get; set; } = 16 * 1024;

    /// <summary>Chat messages a connection may post per second (and in a burst).</summary>
    public double ChatPerSecond { get; set; } = 2;

    public int ChatBurst { get; set; } = 5;

    /// <summary>Votes a connection may cast per second (and in a burst).</summary>
    public double VotesPerSecond { get; set; } = 2;

    public int VoteBurst { get; set; } = 5;

    /// <summary>
    /// Board calls (strokes and their points, shapes, erasing, the laser pointer) a connection may make per second (and
    /// in a burst): a drawer sends a stroke's points about 25 times a second and the pointer about 16.
    /// </summary>
    public double DrawPerSecond { get; set; } = 50;

    public int DrawBurst { get; set; } = 100;

    /// <summary>Any other hub calls a connection may make per second (and in a burst).</summary>
    public double CallsPerSecond { get; set; } = 20;

    public int CallBurst { get; set; } = 40;

    /// <summary>New hub connections one user (or one address, before sign-in) may open per minute.</summary>
    public int ConnectionsPerMinute { get; set; } = 60;

    /// <summary>How often the gateway renews its subscriptions to the Q&amp;A centre's notice feeds (they live a minute).</summary>
    public TimeSpan QaSubscriptionRenewal { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Q&amp;A actions (ask, answer, follow up, adopt, rate, report) one user may make in ten minutes.</summary>
    public int QaWritesPerTenMinutes { get; set; } = 60;

    /// <summary>How long a bearer token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a sign-in may be renewed with refresh tokens (<c>POST /api/accounts/refresh</c>), counted from the
    /// sign-in: then the user signs in again.
    /// </summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The key bearer tokens are signed with (base64, at least 32 bytes); every gateway of a cluster needs the same one.
    /// Unset in the embedded default: a key is generated into the data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>User names of operators: they may open the Orleans dashboard at <c>/dashboard</c>.</summary>
    public List<string> Operators { get; set; } = [];

    /// <summary>
    /// The time zone (IANA id) lessons are scheduled and shown in, whatever a reader's computer is set to: the pages
    /// write every date and time in it.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>True when every interval, count and limit is positive (checked when the gateway starts).</summary>
    public static bool IsValid(GatewayOptions o) =>
        o.FlushInterval > TimeSpan.Zero && o.SubscriptionRenewal > TimeSpan.Zero && o.MaxPendingFrames > 0 && o.MaxWriteStall > TimeSpan.Zero
        && o.SlowViewerTimeout > TimeSpan.Zero && o.ResumeWindow > 0 && o.MaxMessageBytes > 0 && o.ChatPerSecond > 0 && o.ChatBurst > 0
        && o.VotesPerSecond > 0 && o.VoteBurst > 0 && o.DrawPerSecond > 0 && o.DrawBurst > 0
        && o.CallsPerSecond > 0 && o.CallBurst > 0 && o.ConnectionsPerMinute > 0 && o.QaWritesPerTenMinutes > 0 && o.QaSubscriptionRenewal > TimeSpan.Zero
        && o.TokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero && TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _);
}
