namespace Classroom.Gateway.Media;

/// <summary>Limits of media uploads, from the <c>Classroom:Gateway:Media</c> configuration section (docs/media.md).</summary>
public sealed class MediaOptions
{
    public const string Section = "Classroom:Gateway:Media";

    /// <summary>
    /// The largest segment, in bytes (4 MB): a second of a shared 1080p screen with its keyframe is a few hundred KB.
    /// Segments are read into memory to be checked: at most 32 MB may be set.
    /// </summary>
    public int MaxSegmentBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Uploads one user may make per minute (a sliding window): one segment a second, with room for retries.</summary>
    public int UploadsPerMinute { get; set; } = 240;

    public static bool IsValid(MediaOptions o) => o.MaxSegmentBytes is > 0 and <= 32 * 1024 * 1024 && o.UploadsPerMinute > 0;
}
