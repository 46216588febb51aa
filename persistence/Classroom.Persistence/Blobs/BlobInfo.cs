namespace Classroom.Persistence.Blobs;

/// <summary>A stored blob, without its bytes.</summary>
/// <param name="Key">Its key (see <see cref="BlobKey"/>).</param>
/// <param name="ContentType">The media type it was stored with, served as <c>Content-Type</c>.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex: a strong validator (<c>ETag</c>) and what a second write is compared by.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record BlobInfo(string Key, string ContentType, long Length, string Sha256, DateTimeOffset CreatedAt)
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>True when a write of <paramref name="contentType"/> with hash <paramref name="sha256"/> and <paramref name="length"/> bytes stores what this blob already holds.</summary>
    public bool Holds(string contentType, long length, string sha256) =>
        ContentType == contentType && Length == length && Sha256 == sha256;
}
