using Orleans.Concurrency;

namespace Classroom.Contracts.Slides;

/// <summary>
/// What is known of one slide deck (key: its id, see <see cref="SlideDeckIdRule"/>): whose, which lesson's, its name,
/// pages and size. The PDF itself is in the blob store, read by the gateway in ranges, never through this grain.
/// Written once. Refusals throw a <see cref="Errors.ClassroomException"/> subtype: not found, or state (a second store
/// of something else).
/// </summary>
[Alias("ISlideDeckGrain")]
public interface ISlideDeckGrain : IGrainWithStringKey
{
    /// <summary>Records the deck (its <see cref="SlideDeckInfo.DeckId"/> is this grain's key). Recording the same again is a no-op.</summary>
    [Alias("StoreAsync")]
    Task<SlideDeckInfo> StoreAsync(SlideDeckInfo deck);

    /// <summary>What is known of the deck.</summary>
    [ReadOnly]
    [Alias("GetInfoAsync")]
    Task<SlideDeckInfo> GetInfoAsync();
}
