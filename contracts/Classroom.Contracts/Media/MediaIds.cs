using System.Globalization;
using Classroom.Contracts.Photos;

namespace Classroom.Contracts.Media;

/// <summary>
/// A lesson's stream id and where its segments live. The stream id is made as a photo id is (128 random bits,
/// base64url): segment URLs carry no token, so that a CDN can cache them by URL alone, and the id is the capability
/// (docs/media.md).
/// </summary>
public static class MediaIds
{
    /// <summary>A new stream id.</summary>
    public static string NewStreamId() => PhotoIdRule.New();

    /// <summary>True for an id <see cref="NewStreamId"/> could have made.</summary>
    public static bool IsStreamId(string? id) => PhotoIdRule.IsValid(id);

    /// <summary>The blob a segment's rendition is stored under: <c>media.{streamId}.{number}.{rendition}</c>.</summary>
    public static string BlobKey(string streamId, long number, string rendition) =>
        string.Create(CultureInfo.InvariantCulture, $"media.{streamId}.{number}.{rendition}");

    /// <summary>The path a segment's rendition is served at.</summary>
    public static string Url(string streamId, long number, string rendition) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/media/{streamId}/{rendition}/{number}.webm");
}
