using System.Text.Json.Serialization;
using Classroom.Contracts.Events;
using Classroom.Contracts.Media;

namespace Classroom.Grains.Classrooms;

/// <summary>
/// The media part of <see cref="ClassroomState"/>: the lesson's stream, whether a broadcast is on and what it shows,
/// and the latest segments (what a joiner starts from). Every segment is in the log; the state keeps only the last
/// <see cref="MediaLimits.LatestSegments"/>, so it stays small however long the lesson. Changed only by
/// <see cref="Apply"/>, which never throws.
/// </summary>
public sealed class MediaState
{
    [JsonPropertyName("streamId")]
    public string? StreamId { get; set; }

    [JsonPropertyName("live")]
    public bool Live { get; set; }

    [JsonPropertyName("broadcasts")]
    public int Broadcasts { get; set; }

    [JsonPropertyName("source")]
    public MediaSource Source { get; set; }

    [JsonPropertyName("microphone")]
    public bool Microphone { get; set; }

    [JsonPropertyName("camera")]
    public bool Camera { get; set; }

    /// <summary>Where the current broadcast's offset 0 lies on the lesson's timeline; null until its first segment.</summary>
    /// <summary>Who started the broadcast: only they send its segments and change its tracks.</summary>
    [JsonPropertyName("broadcaster")]
    public string? Broadcaster { get; set; }

    [JsonPropertyName("anchorMillis")]
    public long? AnchorMillis { get; set; }

    [JsonPropertyName("latest")]
    public List<MediaSegmentAdded> Latest { get; set; } = [];

    /// <summary>The number the next segment needs at least.</summary>
    [JsonIgnore]
    public long NextNumber => Latest.Count > 0 ? Latest[^1].Number + 1 : 1;

    /// <summary>Where the last segment ends on the lesson's timeline (0 before any).</summary>
    [JsonIgnore]
    public long EndMillis => Latest.Count > 0 ? Latest[^1].StartMillis + Latest[^1].DurationMillis : 0;

    /// <summary>Folds a media event in; anything else leaves the media as it is.</summary>
    public void Apply(ClassroomEventData data)
    {
        switch (data)
        {
            case MediaBroadcastStarted started:
                (StreamId, Live, Broadcasts, Source, Microphone, Camera, AnchorMillis, Broadcaster) =
                    (started.StreamId, true, started.Broadcast, started.Source, started.Microphone, started.Camera, null, started.By);
                break;
            case MediaTracksChanged tracks:
                (Microphone, Camera) = (tracks.Microphone, tracks.Camera);
                break;
            case MediaSegmentAdded segment when segment.Number >= NextNumber:
                AnchorMillis ??= segment.StartMillis - segment.OffsetMillis;
                Latest.Add(segment);
                if (Latest.Count > MediaLimits.LatestSegments)
                {
                    Latest.RemoveRange(0, Latest.Count - MediaLimits.LatestSegments);
                }

                break;
            case MediaBroadcastEnded:
                Live = false;
                break;
        }
    }

    /// <summary>The media as everyone sees it (nothing of it is for staff only).</summary>
    public MediaView View() => StreamId is null
        ? MediaView.None
        : new MediaView(StreamId, Live, Source, Microphone, Camera, [.. Latest.Select(View)]);

    public static MediaSegmentView View(MediaSegmentAdded s) =>
        new(s.Number, s.StartMillis, s.DurationMillis, s.Bytes, s.AudioBytes, s.Width, s.Height, s.Codecs);
}
