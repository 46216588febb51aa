namespace Classroom.Gateway.Photos;

/// <summary>An upload as <see cref="PhotoProcessor"/> re-encoded it: a JPEG of <paramref name="Width"/> × <paramref name="Height"/> pixels.</summary>
public sealed record ProcessedPhoto(byte[] Jpeg, int Width, int Height);
