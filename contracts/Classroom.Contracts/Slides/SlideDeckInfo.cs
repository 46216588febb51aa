using System.Text.Json.Serialization;

namespace Classroom.Contracts.Slides;

/// <summary>An uploaded slide deck, without its bytes (which the blob store keeps under <c>slides.{DeckId}</c>).</summary>
/// <param name="ClassroomId">The lesson it was uploaded to.</param>
/// <param name="OwnerId">The teacher or assistant who uploaded it.</param>
/// <param name="Name">Its file name, cleaned (at most 100 characters), shown to the class and used when it is saved.</param>
/// <param name="ByteCount">The size of the served PDF (as rebuilt, not as uploaded).</param>
/// <param name="Sha256">The served PDF's SHA-256, lower-case hex.</param>
[GenerateSerializer, Immutable, Alias("SlideDeckInfo")]
public sealed record SlideDeckInfo(
    [Id(0)] [property: JsonPropertyName("deckId")] string DeckId,
    [Id(1)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(2)] [property: JsonPropertyName("ownerId")] string OwnerId,
    [Id(3)] [property: JsonPropertyName("name")] string Name,
    [Id(4)] [property: JsonPropertyName("pageCount")] int PageCount,
    [Id(5)] [property: JsonPropertyName("byteCount")] long ByteCount,
    [Id(6)] [property: JsonPropertyName("sha256")] string Sha256,
    [Id(7)] [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);
