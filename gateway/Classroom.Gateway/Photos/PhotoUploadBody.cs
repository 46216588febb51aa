using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Photos;

/// <summary>
/// Reads an upload's bytes, never more than the limit: the request body itself (whatever its Content-Type says), or
/// the <c>photo</c> field of a <c>multipart/form-data</c> body, which is what a browser's form sends. Neither the
/// declared type nor the file name is kept: the processor reads the format from the bytes.
/// </summary>
internal static class PhotoUploadBody
{
    /// <summary>The form field a browser sends the file in.</summary>
    public const string FieldName = "photo";

    // Room in a form for the boundaries, the part headers and a few small fields besides the photo.
    private const int FormOverhead = 64 * 1024;

    /// <summary>The image bytes (empty when none were sent); refuses a body over <paramref name="maxBytes"/> as too large.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var boundary = FormBoundary(request.ContentType);
        var limit = boundary is null ? maxBytes : maxBytes + FormOverhead;
        // Before the body's limit is lowered: Kestrel then reads and drops the declared body (up to its own limit, 30 MB)
        // so the client, still sending, reads the 413 instead of a broken connection.
        if (request.ContentLength > limit)
        {
            throw PhotoProcessor.TooLarge(maxBytes);
        }

        // The server stops reading past the limit when the length is not declared (chunked).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            return boundary is null
                ? await ReadAtMostAsync(request.Body, maxBytes, cancellationToken)
                : await ReadFieldAsync(new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 }, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw PhotoProcessor.TooLarge(maxBytes);
        }
        catch (InvalidDataException e)
        {
            // The multipart reader's word for a malformed form.
            throw new BadHttpRequestException(e.Message);
        }
    }

    private static async Task<byte[]> ReadFieldAsync(MultipartReader form, long maxBytes, CancellationToken cancellationToken)
    {
        while (await form.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FieldName, StringComparison.Ordinal))
            {
                return await ReadAtMostAsync(section.Body, maxBytes, cancellationToken);
            }
        }

        return [];
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                throw PhotoProcessor.TooLarge(maxBytes);
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }

    /// <summary>The boundary of a <c>multipart/form-data</c> body; null for any other type (the body is then the image).</summary>
    private static string? FormBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary);
        // RFC 2046 §5.1.1: 1 to 70 characters.
        return boundary.Length is > 0 and <= 70 ? boundary.Value : throw new BadHttpRequestException("a multipart/form-data body needs a boundary of 1 to 70 characters.");
    }
}
