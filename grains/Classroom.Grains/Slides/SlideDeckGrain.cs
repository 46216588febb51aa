using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Slides;

namespace Classroom.Grains.Slides;

/// <summary>
/// One slide deck's record, written once. The gateway checks and rebuilds the PDF and stores its bytes in the blob
/// store; this grain keeps what the deck is (whose, which lesson's, its name and pages), so an id always names the same
/// deck and its PDF may be cached for good.
/// </summary>
/// <remarks>
/// Each viewer's first fetch of a deck asks this grain for the name and size: a small state, and [ReadOnly] reads run
/// together. An idle activation is collected after a few minutes, as a photo's is, since browsers then keep the PDF.
/// </remarks>
[GrainType("slide-deck")]
[CollectionAgeLimit(Minutes = 3)]
public sealed class SlideDeckGrain([PersistentState("deck")] IPersistentState<SlideDeckState> state) : Grain, ISlideDeckGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<SlideDeckInfo> StoreAsync(SlideDeckInfo deck)
    {
        // The gateway is the only caller: these are its mistakes, not a user's, so they are not refusals.
        ArgumentNullException.ThrowIfNull(deck);
        if (!SlideDeckIdRule.IsValid(Id) || deck.DeckId != Id)
        {
            throw new ArgumentException($"Deck '{deck.DeckId}' is recorded under its own id, from SlideDeckIdRule.New(), not '{Id}'.");
        }

        if (!ClassroomIdRule.IsValid(deck.OwnerId) || !ClassroomIdRule.IsValid(deck.ClassroomId) || string.IsNullOrWhiteSpace(deck.Name)
            || deck.PageCount <= 0 || deck.ByteCount <= 0)
        {
            throw new ArgumentException("A deck has an owner, a lesson, a name, pages and bytes.", nameof(deck));
        }

        if (state.State.Deck is { } stored)
        {
            return stored == deck ? stored : throw new ClassroomStateException(Refusals.SlidesAlreadyStored, Id);
        }

        state.State = new SlideDeckState { Deck = deck };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: the activation must not go on answering for what the storage never took.
            state.State = new SlideDeckState();
            throw;
        }

        return deck;
    }

    public Task<SlideDeckInfo> GetInfoAsync()
    {
        if (state.State.Deck is not { } deck)
        {
            // Anyone with a URL may ask for any id: an id that names nothing does not keep an activation for minutes.
            DeactivateOnIdle();
            throw new ClassroomNotFoundException(Refusals.SlidesNotFound, Id);
        }

        return Task.FromResult(deck);
    }
}
