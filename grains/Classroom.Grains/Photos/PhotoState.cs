using System.Text.Json.Serialization;

namespace Classroom.Grains.Photos;

/// <summary>What a photo grain stores: the re-encoded JPEG (base64 in the stored JSON), whose it is, its size, when.</summary>
public sealed class PhotoState
{
    [JsonPropertyName("ownerId")]
    public string? OwnerId { get; set; }

    [JsonPropertyName("width")]
    public int Width { get; set; }

    [JsonPropertyName("height")]
    public int Height { get; set; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("jpeg")]
    public byte[]? Jpeg { get; set; }
}
