using Classroom.Gateway.Api;

namespace Classroom.Gateway.Photos;

/// <summary>
/// Reads a photo upload (see <see cref="UploadBody"/>): the body, or the <c>photo</c> field of a browser's form. Neither
/// the declared type nor the file name is kept: the processor reads the format from the bytes.
/// </summary>
internal static class PhotoUploadBody
{
    /// <summary>The form field a browser sends the file in.</summary>
    public const string FieldName = "photo";

    /// <summary>The image bytes (empty when none were sent); refuses a body over <paramref name="maxBytes"/> as too large.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken) =>
        (await UploadBody.ReadAsync(request, FieldName, maxBytes, () => PhotoProcessor.TooLarge(maxBytes), cancellationToken)).Bytes;
}
