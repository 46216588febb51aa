namespace Classroom.Gateway.Photos;

/// <summary>Limits of photo uploads, from the <c>Classroom:Gateway:Photos</c> configuration section (docs/photos.md).</summary>
public sealed class PhotoOptions
{
    public const string Section = "Classroom:Gateway:Photos";

    /// <summary>The largest upload, in bytes (5 MB). Uploads are read into memory: at most 64 MB may be set.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// The most pixels an upload may declare (40 million): read from its header before anything is decoded, so a small
    /// file that would inflate to gigabytes of pixels (a decompression bomb) is refused first.
    /// </summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The longest side an upload may declare, in pixels.</summary>
    public int MaxSide { get; set; } = 10_000;

    /// <summary>The longest side of a stored photo: larger uploads are scaled down to it.</summary>
    public int MaxOutputSide { get; set; } = 2048;

    /// <summary>The quality (1 to 100) stored photos are encoded with.</summary>
    public int JpegQuality { get; set; } = 85;

    /// <summary>Uploads one user may make in <see cref="UploadWindow"/>, refused ones included (each costs a decode).</summary>
    public int UploadsPerWindow { get; set; } = 20;

    /// <summary>The sliding window <see cref="UploadsPerWindow"/> counts in.</summary>
    public TimeSpan UploadWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Photos decoded at once by this gateway; more wait their turn. A 40-megapixel PNG takes 160 MB while it is decoded,
    /// so this bounds the memory uploads can take, whatever their number.
    /// </summary>
    public int MaxConcurrentDecodes { get; set; } = Environment.ProcessorCount;

    /// <summary>True when every limit is positive (and the byte limit at most 64 MB, the quality at most 100).</summary>
    public static bool IsValid(PhotoOptions o) =>
        o.MaxBytes is > 0 and <= 64 * 1024 * 1024 && o.MaxPixels > 0 && o.MaxSide > 0 && o.MaxOutputSide > 0 && o.JpegQuality is >= 1 and <= 100
        && o.UploadsPerWindow > 0 && o.UploadWindow > TimeSpan.Zero && o.MaxConcurrentDecodes > 0;
}
