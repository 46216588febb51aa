using Classroom.Contracts.Errors;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Slides;

/// <summary>
/// Turns an upload into a deck that is safe to serve: a PDF by its first bytes (never its name or declared type), then
/// checked and rebuilt page by page (<see cref="PdfRebuilder"/>) off the request's thread, at most
/// <see cref="SlideOptions.MaxConcurrentChecks"/> at once and for at most <see cref="SlideOptions.CheckTimeout"/>.
/// </summary>
/// <remarks>
/// .NET cannot stop a thread, so a check that runs out of time is told to stop (PdfPig's stream filters look at the
/// deadline, and the rebuild between pages) and its request is refused at once; its turn is given back only when it has
/// really stopped, so hostile uploads cannot pile up checks beyond the bound.
/// </remarks>
public sealed class SlideDeckProcessor(IOptions<SlideOptions> options) : IDisposable
{
    private readonly SlideOptions _options = options.Value;
    private readonly SemaphoreSlim _checks = new(options.Value.MaxConcurrentChecks);

    private static ReadOnlySpan<byte> PdfStart => "%PDF-"u8;

    /// <summary>The rebuilt deck; refuses with a <see cref="ClassroomValidationException"/> (a <c>slides.*</c> code).</summary>
    public async Task<CheckedDeck> ProcessAsync(byte[] upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Length == 0)
        {
            throw new ClassroomValidationException(Refusals.SlidesEmpty);
        }

        if (upload.Length > _options.MaxBytes)
        {
            throw TooLarge(_options.MaxBytes);
        }

        // The header first, at the very start: pdf.js and PDF readers tolerate junk before it, which is where a
        // polyglot (a web page or an image that is also a PDF) keeps its other self.
        if (!upload.AsSpan().StartsWith(PdfStart))
        {
            throw new ClassroomValidationException(Refusals.SlidesNotPdf);
        }

        await _checks.WaitAsync(cancellationToken);
        var deadline = new CancellationTokenSource(_options.CheckTimeout);
        var check = Task.Run(() => PdfRebuilder.Rebuild(upload, _options, deadline.Token), CancellationToken.None);
        _ = check.ContinueWith(_ =>
        {
            deadline.Dispose();
            _checks.Release();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            // A little longer than the deadline: a check that stops by itself says why; one that does not is cut off here.
            return await check.WaitAsync(_options.CheckTimeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ClassroomValidationException(Refusals.SlidesTooComplex);
        }
    }

    /// <summary>The refusal of an upload over <paramref name="maxBytes"/>, which it names in megabytes.</summary>
    public static ClassroomValidationException TooLarge(long maxBytes) =>
        new(Refusals.SlidesTooLarge, Math.Round(maxBytes / (1024.0 * 1024.0), 1));

    public void Dispose() => _checks.Dispose();
}
