using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Classroom.Contracts.Photos;

/// <summary>
/// Photo ids: 128 random bits, base64url (22 characters, safe in a URL path). A photo is served to whoever has its URL
/// (an <c>&lt;img src&gt;</c> cannot send a bearer token), so the id is the capability: it must be unguessable.
/// </summary>
public static class PhotoIdRule
{
    private const int Bytes = 16;

    /// <summary>The length of every photo id.</summary>
    public const int Length = 22;

    /// <summary>A new id from the system's cryptographic random number generator.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>True for an id <see cref="New"/> could have made: 22 base64url characters that decode to 16 bytes and back.</summary>
    public static bool IsValid(string? id)
    {
        if (id is not { Length: Length })
        {
            return false;
        }

        // The decoder that reports bad input instead of throwing; the round trip refuses the aliases that differ only in
        // the unused low bits of the last character.
        Span<byte> bytes = stackalloc byte[Bytes];
        return Base64Url.DecodeFromChars(id, bytes, out _, out var written) == OperationStatus.Done
            && written == Bytes && Base64Url.EncodeToString(bytes) == id;
    }
}
