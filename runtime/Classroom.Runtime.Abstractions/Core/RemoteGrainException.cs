namespace Classroom.Runtime;

/// <summary>
/// An exception thrown by a grain whose type could not be recreated on the caller's side after crossing the
/// serialization boundary. Carries the original type name and message.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException(string originalType, string message) : base(message)
    {
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type the grain threw.</summary>
    public string OriginalType { get; }
}
