using System.Text.Json.Serialization;

namespace Classroom.Contracts.Photos;

/// <summary>A stored photo, without its bytes.</summary>
/// <param name="OwnerId">The user who uploaded it: a question may show only its own author's photos.</param>
/// <param name="Width">In pixels, as served (re-encoded, EXIF orientation applied, downsized).</param>
/// <param name="ByteCount">The size of the served JPEG.</param>
[GenerateSerializer, Immutable, Alias("PhotoInfo")]
public sealed record PhotoInfo(
    [Id(0)] [property: JsonPropertyName("photoId")] string PhotoId,
    [Id(1)] [property: JsonPropertyName("ownerId")] string OwnerId,
    [Id(2)] [property: JsonPropertyName("width")] int Width,
    [Id(3)] [property: JsonPropertyName("height")] int Height,
    [Id(4)] [property: JsonPropertyName("byteCount")] int ByteCount,
    [Id(5)] [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);

/// <summary>A stored photo with its JPEG bytes (which nobody may change: the record is passed without copying).</summary>
[GenerateSerializer, Immutable, Alias("PhotoContent")]
public sealed record PhotoContent(
    [Id(0)] [property: JsonPropertyName("info")] PhotoInfo Info,
    [Id(1)] [property: JsonPropertyName("jpeg")] byte[] Jpeg);
