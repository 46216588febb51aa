using Orleans.Concurrency;

namespace Classroom.Contracts.Photos;

/// <summary>
/// One photo (key: its id, see <see cref="PhotoIdRule"/>): a JPEG the gateway re-encoded from an upload, stored once and
/// never changed, for questions and tutoring to reference by id. Refusals throw a <see cref="Errors.ClassroomException"/>
/// subtype: not found (nothing stored under this id), state (a second store), validation (an id that is not a photo id).
/// </summary>
[Alias("IPhotoGrain")]
public interface IPhotoGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores <paramref name="jpeg"/>, the re-encoded photo of <paramref name="width"/> × <paramref name="height"/> pixels
    /// uploaded by <paramref name="ownerId"/>. Once only: a photo never changes under its id.
    /// </summary>
    [Alias("StoreAsync")]
    Task<PhotoInfo> StoreAsync(string ownerId, byte[] jpeg, int width, int height);

    /// <summary>The photo's JPEG bytes and what is known of it.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<PhotoContent> GetAsync();

    /// <summary>What is known of the photo, without its bytes: who uploaded it, its size, when.</summary>
    [ReadOnly]
    [Alias("GetInfoAsync")]
    Task<PhotoInfo> GetInfoAsync();
}
