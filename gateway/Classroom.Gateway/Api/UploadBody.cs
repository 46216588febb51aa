using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Api;

/// <summary>
/// Reads an upload's bytes, never more than the limit: the request body itself (whatever its Content-Type says), or one
/// file field of a <c>multipart/form-data</c> body, which is what a browser's form sends. The declared type is never
/// kept: the processors read the format from the bytes. The form's file name is passed on, for what only names things.
/// </summary>
internal static class UploadBody
{
    // Room in a form for the boundaries, the part headers and a few small fields besides the file.
    private const int FormOverhead = 64 * 1024;

    /// <summary>
    /// The uploaded bytes (empty when none were sent) and the form's file name (null for a plain body); a body over
    /// <paramref name="maxBytes"/> is refused with <paramref name="tooLarge"/>'s exception.
    /// </summary>
    public static async Task<Upload> ReadAsync(HttpRequest request, string fieldName, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        var boundary = FormBoundary(request.ContentType);
        var limit = boundary is null ? maxBytes : maxBytes + FormOverhead;
        var bodySize = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature ? feature : null;
        // Refused unread. Kestrel then reads and drops the declared body, up to its limit, so the client, still sending,
        // reads the 413 instead of a broken connection: a body up to twice the limit is let through to be dropped
        // (Kestrel's own limit is 30 MB, below a deck's); a larger one is cut off.
        if (request.ContentLength > limit)
        {
            if (bodySize is not null && request.ContentLength <= 2 * limit && request.ContentLength > bodySize.MaxRequestBodySize)
            {
                bodySize.MaxRequestBodySize = request.ContentLength;
            }

            throw tooLarge();
        }

        // The server stops reading past the limit when the length is not declared (chunked).
        if (bodySize is not null)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            return boundary is null
                ? new Upload(await ReadAtMostAsync(request.Body, maxBytes, tooLarge, cancellationToken), null)
                : await ReadFieldAsync(new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 }, fieldName, maxBytes, tooLarge, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw tooLarge();
        }
        catch (InvalidDataException e)
        {
            // The multipart reader's word for a malformed form.
            throw new BadHttpRequestException(e.Message);
        }
    }

    private static async Task<Upload> ReadFieldAsync(MultipartReader form, string fieldName, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        while (await form.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(fieldName, StringComparison.Ordinal))
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return new Upload(await ReadAtMostAsync(section.Body, maxBytes, tooLarge, cancellationToken), fileName);
            }
        }

        return new Upload([], null);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream source, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                throw tooLarge();
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }

    /// <summary>The boundary of a <c>multipart/form-data</c> body; null for any other type (the body is then the file).</summary>
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

/// <summary>An upload's bytes and, from a form, the file name the browser sent (the user's to choose: never trusted).</summary>
internal sealed record Upload(byte[] Bytes, string? FileName);
