namespace Classroom.Runtime.Storage;

/// <summary>A write or clear was based on a stale ETag: the stored state changed since this activation read it.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception naming the state and both ETags.</summary>
    public InconsistentStateException(GrainId grainId, string stateName, string? expectedEtag, string? storedEtag)
        : base($"State '{stateName}' of grain {grainId} was not written: it was read at ETag '{expectedEtag ?? "(none)"}' " +
               $"but the store holds ETag '{storedEtag ?? "(none)"}'. Another writer changed it; re-read before writing.")
    {
        ExpectedEtag = expectedEtag;
        StoredEtag = storedEtag;
    }

    /// <summary>The ETag the writer based its write on.</summary>
    public string? ExpectedEtag { get; }

    /// <summary>The ETag the store holds.</summary>
    public string? StoredEtag { get; }
}
