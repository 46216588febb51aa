namespace Classroom.Gateway.Slides;

/// <summary>Limits of slide uploads, from the <c>Classroom:Gateway:Slides</c> configuration section (docs/slides.md).</summary>
public sealed class SlideOptions
{
    public const string Section = "Classroom:Gateway:Slides";

    /// <summary>The largest upload, in bytes (30 MB). Uploads are read into memory: at most 64 MB may be set.</summary>
    public long MaxBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>The most pages of one deck (200); a deck must also fit on the board (300 pages, blank ones included).</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>The shortest side of a page, in points (1/72 inch): a thinner page is not a slide.</summary>
    public double MinPageSide { get; set; } = 36;

    /// <summary>The longest side of a page, in points: 14,400 (200 inches) is the most PDF itself allows.</summary>
    public double MaxPageSide { get; set; } = 14_400;

    /// <summary>
    /// The most bytes the check may decompress from one PDF's streams (256 MB), all streams together: a 30 MB file of
    /// deflated zeros would inflate to 30 GB (a decompression bomb), and is refused once it passes this.
    /// </summary>
    public long MaxDecodedBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>How long the check of one PDF may take before it is refused as too complex.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>PDFs checked at once by this gateway; more wait their turn (a check holds the PDF and what it decompresses).</summary>
    public int MaxConcurrentChecks { get; set; } = Environment.ProcessorCount;

    /// <summary>Uploads one user may make in <see cref="UploadWindow"/>, refused ones included (each costs a check).</summary>
    public int UploadsPerWindow { get; set; } = 10;

    /// <summary>The sliding window <see cref="UploadsPerWindow"/> counts in.</summary>
    public TimeSpan UploadWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>True when every limit is positive, the byte limit at most 64 MB, and the page sides in order.</summary>
    public static bool IsValid(SlideOptions o) =>
        o.MaxBytes is > 0 and <= 64 * 1024 * 1024 && o.MaxPages > 0 && o.MinPageSide > 0 && o.MaxPageSide >= o.MinPageSide
        && o.MaxDecodedBytes > 0 && o.CheckTimeout > TimeSpan.Zero && o.MaxConcurrentChecks > 0 && o.UploadsPerWindow > 0 && o.UploadWindow > TimeSpan.Zero;
}
