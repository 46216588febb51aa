using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Grains.Photos;

/// <summary>
/// One photo, written once. The gateway decodes, checks and re-encodes uploads (it has the CPU to spare and the request
/// to refuse); this grain only keeps the result and refuses to replace it, so a photo id always names the same bytes
/// and may be cached forever.
/// </summary>
/// <remarks>
/// A photo's state is up to a few megabytes, and browsers and CDNs cache it for a year once fetched: an idle activation
/// is collected after a few minutes instead of Orleans' default quarter of an hour, so viewed photos do not pile up in
/// the silo's memory. The reads are [ReadOnly]: many viewers' reads run together, which is safe because they change
/// nothing, and Orleans still runs none of them during a store.
/// </remarks>
[GrainType("photo")]
[CollectionAgeLimit(Minutes = 3)]
public sealed class PhotoGrain(
    [PersistentState("photo")] IPersistentState<PhotoState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IPhotoGrain
{
    /// <summary>The most a stored JPEG may weigh: far above what a re-encoded 2,048-pixel photo takes.</summary>
    internal const int MaxBytes = 16 * 1024 * 1024;

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    private string Id => this.GetPrimaryKeyString();

    public async Task<PhotoInfo> StoreAsync(string ownerId, byte[] jpeg, int width, int height)
    {
        // The gateway is the only caller: these are its mistakes, not a user's, so they are not refusals.
        if (!PhotoIdRule.IsValid(Id))
        {
            throw new ArgumentException($"'{Id}' is not a photo id: photos are stored under ids from PhotoIdRule.New().");
        }

        if (!ClassroomIdRule.IsValid(ownerId))
        {
            throw new ArgumentException("A photo has an owner.", nameof(ownerId));
        }

        if (jpeg is null || jpeg.Length > MaxBytes || !jpeg.AsSpan().StartsWith(JpegStart))
        {
            throw new ArgumentException($"A photo is a re-encoded JPEG of at most {MaxBytes} bytes.", nameof(jpeg));
        }

        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException("A photo's width and height are positive.");
        }

        if (state.State.Jpeg is not null)
        {
            throw new ClassroomStateException(Refusals.PhotoAlreadyStored, Id);
        }

        state.State = new PhotoState { OwnerId = ownerId, Width = width, Height = height, CreatedAt = time.GetUtcNow(), Jpeg = jpeg };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: the activation must not go on serving (or refusing to replace) what the storage never took.
            state.State = new PhotoState();
            throw;
        }

        return Info();
    }

    public Task<PhotoContent> GetAsync() => Task.FromResult(new PhotoContent(Info(), state.State.Jpeg!));

    public Task<PhotoInfo> GetInfoAsync() => Task.FromResult(Info());

    private PhotoInfo Info()
    {
        if (state.State is not { Jpeg: { } jpeg, OwnerId: { } owner })
        {
            // Anyone may ask for any id: an id that names nothing does not keep an activation for minutes.
            DeactivateOnIdle();
            throw new ClassroomNotFoundException(Refusals.PhotoNotFound, Id);
        }

        return new PhotoInfo(Id, owner, state.State.Width, state.State.Height, jpeg.Length, state.State.CreatedAt);
    }
}
