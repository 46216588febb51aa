using Classroom.Contracts.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Classroom.Gateway.Media;

/// <summary>
/// Reads a segment's bytes (the request body itself, whatever its Content-Type says), never more than the limit: a
/// declared length over it is refused before a byte is read, an undeclared (chunked) one as soon as it passes.
/// </summary>
internal static class MediaUploadBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        try
        {
            using var content = new MemoryStream((int)Math.Min(maxBytes, request.ContentLength ?? 256 * 1024));
            var chunk = new byte[81_920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                content.Write(chunk, 0, read);
            }

            return content.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
    }

    private static ClassroomValidationException TooLarge(int maxBytes) =>
        new(Refusals.MediaSegmentTooLarge, Math.Round(maxBytes / (1024.0 * 1024.0), 1));
}
