using System.Diagnostics.Metrics;
using Classroom.Gateway.Hubs;

namespace Classroom.Gateway.Photos;

/// <summary>
/// Uploads by outcome (<c>stored</c>, or the refusal's code): a rise in <c>photo.unreadable</c> or
/// <c>photo.too-many-pixels</c> is someone probing the decoder. Meter <c>Classroom.Gateway</c>.
/// </summary>
internal sealed class PhotoMetrics(IMeterFactory meters)
{
    public const string Stored = "stored";

    private readonly Counter<long> _uploads = meters.Create(HubMetrics.MeterName)
        .CreateCounter<long>("classroom.photos.uploads", description: "Photo uploads, by outcome: stored or the refusal's code.");

    public void Uploaded(string outcome) => _uploads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
