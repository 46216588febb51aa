using Classroom.Contracts.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Writer;

namespace Classroom.Gateway.Slides;

/// <summary>
/// Opens an upload with PdfPig (strictly: a truncated or damaged file is refused, not patched up), checks it, and copies
/// its pages into a new PDF, which is what is stored and served. The copy takes each page's content, resources (fonts,
/// images) and size, and nothing of the document around them: no document scripts or open actions, no forms (AcroForm,
/// XFA), no attachments, no outline, no metadata, no annotations (links included), nothing after the end of the file.
/// What a page itself carries across (its own actions) is then looked for in the copy and refused.
/// </summary>
/// <remarks>Synchronous and CPU-bound: <see cref="SlideDeckProcessor"/> runs it off the request, bounded in time and number.</remarks>
internal static class PdfRebuilder
{
    /// <summary>The rebuilt PDF; refuses (<see cref="ClassroomValidationException"/>, a <c>slides.*</c> code) what it cannot accept.</summary>
    public static CheckedDeck Rebuild(byte[] upload, SlideOptions options, CancellationToken deadline)
    {
        try
        {
            using var source = Open(upload, options, deadline);
            if (source.IsEncrypted)
            {
                throw new ClassroomValidationException(Refusals.SlidesEncrypted);
            }

            var pages = source.NumberOfPages;
            if (pages <= 0)
            {
                throw new ClassroomValidationException(Refusals.SlidesUnreadable);
            }

            if (pages > options.MaxPages)
            {
                throw new ClassroomValidationException(Refusals.SlidesTooManyPages, options.MaxPages, pages);
            }

            var pdf = CopyPages(source, options, deadline);
            using var rebuilt = Open(pdf, options, deadline);
            if (rebuilt.NumberOfPages != pages || PdfActiveContent.Find(rebuilt) is not null)
            {
                throw new ClassroomValidationException(rebuilt.NumberOfPages != pages ? Refusals.SlidesUnreadable : Refusals.SlidesActiveContent);
            }

            return new CheckedDeck(pdf, pages);
        }
        catch (Exception e) when (Cause(e) is PdfBudgetExceededException or OperationCanceledException or OutOfMemoryException)
        {
            throw new ClassroomValidationException(Refusals.SlidesTooComplex);
        }
        catch (Exception e) when (Cause(e) is PdfDocumentEncryptedException)
        {
            throw new ClassroomValidationException(Refusals.SlidesEncrypted);
        }
        catch (Exception e) when (e is not ClassroomException)
        {
            // PdfPig reports a malformed file in many ways (format, index, cast, argument exceptions): all are "damaged".
            throw new ClassroomValidationException(Refusals.SlidesUnreadable);
        }
    }

    private static PdfDocument Open(byte[] pdf, SlideOptions options, CancellationToken deadline) =>
        PdfDocument.Open(pdf, new ParsingOptions
        {
            UseLenientParsing = false,
            SkipMissingFonts = true,
            FilterProvider = new PdfFilterBudget(options.MaxDecodedBytes, deadline),
            MaxStackDepth = 100,
        });

    private static byte[] CopyPages(PdfDocument source, SlideOptions options, CancellationToken deadline)
    {
        using var builder = new PdfDocumentBuilder { IncludeDocumentInformation = false };
        var copy = new PdfDocumentBuilder.AddPageOptions { KeepAnnotations = false };
        for (var number = 1; number <= source.NumberOfPages; number++)
        {
            deadline.ThrowIfCancellationRequested();
            var page = source.GetPage(number);
            var (width, height) = (Math.Round(page.Width), Math.Round(page.Height));
            if (Math.Min(width, height) < options.MinPageSide || Math.Max(width, height) > options.MaxPageSide)
            {
                throw new ClassroomValidationException(Refusals.SlidesPageSize, number, width, height, options.MaxPageSide);
            }

            builder.AddPage(source, number, copy);
        }

        return builder.Build();
    }

    /// <summary>The exception that started it, through any wrapping PdfPig did.</summary>
    private static Exception Cause(Exception e)
    {
        for (var inner = e; ; inner = inner.InnerException)
        {
            if (inner is PdfBudgetExceededException or OperationCanceledException or PdfDocumentEncryptedException || inner.InnerException is null)
            {
                return inner;
            }
        }
    }
}

/// <summary>A deck that passed: the rebuilt PDF (what is stored and served) and its pages.</summary>
public sealed record CheckedDeck(byte[] Pdf, int PageCount);
