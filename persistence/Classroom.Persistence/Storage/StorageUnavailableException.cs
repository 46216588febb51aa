using System.Data.Common;

namespace Classroom.Persistence.Storage;

/// <summary>
/// The database could not be reached or failed a statement (it is restarting, the connection dropped, the disk is
/// full): the operation did not happen and may be tried again in a moment. It replaces the provider's exception, which
/// Orleans cannot always serialize (Npgsql's has no codec), so the failure crosses silos and reaches the gateway as
/// what it is; the provider's type and message are kept in <see cref="Exception.Message"/> for the logs.
/// </summary>
/// <remarks>
/// An <see cref="OrleansException"/>, so Orleans' state bridge passes it on unwrapped; no inner exception, since that
/// would carry the provider's exception along and fail serialization after all.
/// </remarks>
[GenerateSerializer, Alias("Classroom.StorageUnavailableException")]
public sealed class StorageUnavailableException : OrleansException
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// The database at <paramref name="location"/> failed with <paramref name="error"/>; <see cref="Transient"/> says
    /// whether the provider expects a retry to succeed.
    /// </summary>
    public static StorageUnavailableException From(DbException error, string location) =>
        new($"The storage at {location} failed ({error.GetType().FullName}{(error.IsTransient ? ", transient" : "")}): {error.Message}")
        {
            Transient = error.IsTransient,
        };

    /// <summary>True when the provider said a retry may succeed (a restart, a dropped connection).</summary>
    [Id(0)]
    public bool Transient { get; init; }
}
