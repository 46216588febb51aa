using System.Diagnostics.Metrics;
using Classroom.Gateway.Hubs;

namespace Classroom.Gateway.Media;

/// <summary>
/// Segment uploads by outcome (<c>stored</c>, or the refusal's code) and the bytes stored: a rise in
/// <c>media.malformed</c> is someone probing the parser. Meter <c>Classroom.Gateway</c>.
/// </summary>
internal sealed class MediaMetrics(IMeterFactory meters)
{
    public const string Stored = "stored";

    private readonly Counter<long> _uploads = meters.Create(HubMetrics.MeterName)
        .CreateCounter<long>("classroom.media.uploads", description: "Media segment uploads, by outcome: stored or the refusal's code.");

    private readonly Counter<long> _bytes = meters.Create(HubMetrics.MeterName)
        .CreateCounter<long>("classroom.media.bytes", unit: "By", description: "Bytes of media segments stored.");

    public void Uploaded(string outcome, long bytes)
    {
        _uploads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (bytes > 0)
        {
            _bytes.Add(bytes);
        }
    }
}
