using Classroom.Contracts.Catalog;
using Classroom.Contracts.Classrooms;

namespace Classroom.Grains.Catalog;

/// <summary>
/// The schedule: every lesson's listing, kept up to date by the classrooms. One grain serves the whole programme;
/// listings are small, and reads are read-only calls that interleave.
/// </summary>
[GrainType("lesson-catalog")]
public sealed class LessonCatalogGrain([PersistentState("catalog")] IPersistentState<LessonCatalogState> state) : Grain, ILessonCatalogGrain
{
    private const int MaxLimit = 500;

    public async Task UpsertAsync(LessonListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        state.State.Lessons[listing.ClassroomId] = listing;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<LessonListing>> ListAsync(LessonQuery query)
    {
        query ??= new LessonQuery(null, null, null);
        IReadOnlyList<LessonListing> lessons = state.State.Lessons.Values
            .Where(l => l.Status is ClassroomStatus.Scheduled or ClassroomStatus.Live)
            .Where(l => query.Subject is null || string.Equals(l.Subject, query.Subject, StringComparison.OrdinalIgnoreCase))
            .Where(l => query.From is null || l.StartsAt + l.Duration >= query.From)
            .Where(l => query.To is null || l.StartsAt <= query.To)
            .OrderBy(l => l.StartsAt).ThenBy(l => l.ClassroomId, StringComparer.Ordinal)
            .Take(Math.Clamp(query.Limit, 1, MaxLimit))
            .ToList();
        return Task.FromResult(lessons);
    }
}

/// <summary>What the catalog stores: listings by classroom id.</summary>
public sealed class LessonCatalogState
{
    [System.Text.Json.Serialization.JsonPropertyName("lessons")]
    public Dictionary<string, LessonListing> Lessons { get; set; } = [];
}
