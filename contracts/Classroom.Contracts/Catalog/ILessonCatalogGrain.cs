using Orleans.Concurrency;

namespace Classroom.Contracts.Catalog;

/// <summary>The schedule of lessons (one grain, key <see cref="Key"/>): what students browse and register from.</summary>
[Alias("ILessonCatalogGrain")]
public interface ILessonCatalogGrain : IGrainWithStringKey
{
    /// <summary>The key of the one catalog.</summary>
    public const string Key = "schedule";

    /// <summary>Called by a classroom when its listing changes.</summary>
    [Alias("UpsertAsync")]
    Task UpsertAsync(LessonListing listing);

    /// <summary>Lessons that are scheduled or live, by start time, matching the query.</summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<IReadOnlyList<LessonListing>> ListAsync(LessonQuery query);
}
