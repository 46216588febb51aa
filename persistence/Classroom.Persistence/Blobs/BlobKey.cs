namespace Classroom.Persistence.Blobs;

/// <summary>
/// What a blob key may be, the same for every store: 1 to 200 of A-Z, a-z, 0-9, '-', '_' and '.', beginning with a
/// letter or digit. Safe as a file name on any file system and in a URL path, with no separators, no "..", nothing to
/// escape. Callers name their kind first (<c>slides.{deckId}</c>), so kinds never collide.
/// </summary>
public static class BlobKey
{
    public const int MaxLength = 200;

    /// <summary>True for a key every store accepts.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && char.IsAsciiLetterOrDigit(key[0])
        && key.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Throws unless <paramref name="key"/> is valid: a caller's mistake, not a user's.</summary>
    public static string Check(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a blob key: 1 to {MaxLength} of A-Z, a-z, 0-9, '-', '_', '.', starting with a letter or digit.", nameof(key));
}
