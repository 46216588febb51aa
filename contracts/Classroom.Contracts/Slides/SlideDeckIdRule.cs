using Classroom.Contracts.Photos;

namespace Classroom.Contracts.Slides;

/// <summary>
/// Slide deck ids: the same kind of capability as a photo id (128 random bits, base64url, 22 characters), since a deck
/// is served to whoever has its URL as a photo is (docs/slides.md). A deck id and a photo id never name each other's
/// data: they are keys of different grains and blob kinds.
/// </summary>
public static class SlideDeckIdRule
{
    /// <summary>A new id from the system's cryptographic random number generator.</summary>
    public static string New() => PhotoIdRule.New();

    /// <summary>True for an id <see cref="New"/> could have made.</summary>
    public static bool IsValid(string? id) => PhotoIdRule.IsValid(id);
}
