using Classroom.Contracts.MicroLessons;

namespace Classroom.Grains.MicroLessons;

/// <summary>
/// A list of micro-lessons (see <see cref="IMicroLessonListGrain"/> for the keys), newest first. Bounded: it keeps its
/// <see cref="Capacity"/> newest; an unchanged entry is not written again, so a retried create costs nothing.
/// </summary>
[GrainType("micro-lesson-list")]
public sealed class MicroLessonListGrain([PersistentState("list")] IPersistentState<MicroLessonListState> state) : Grain, IMicroLessonListGrain
{
    public const int Capacity = 5000;
    public const int MaxLimit = 500;

    public async Task PutAsync(MicroLessonView microLesson)
    {
        ArgumentNullException.ThrowIfNull(microLesson);
        var entries = state.State.Entries;
        if (entries.TryGetValue(microLesson.MicroLessonId, out var current) && Same(current, microLesson))
        {
            return;
        }

        entries[microLesson.MicroLessonId] = microLesson;
        if (entries.Count > Capacity)
        {
            entries.Remove(entries.Values.MinBy(e => e.CreatedAt)!.MicroLessonId);
        }

        await state.WriteStateAsync();
    }

    private static bool Same(MicroLessonView a, MicroLessonView b) =>
        a with { KnowledgePoints = b.KnowledgePoints } == b && a.KnowledgePoints.SequenceEqual(b.KnowledgePoints, StringComparer.Ordinal);

    public async Task RemoveAsync(string microLessonId)
    {
        if (state.State.Entries.Remove(microLessonId ?? ""))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<MicroLessonView>> ListAsync(MicroLessonQuery query)
    {
        IEnumerable<MicroLessonView> entries = state.State.Entries.Values;
        if (query.Grade is { } grade)
        {
            entries = entries.Where(e => e.Grade == grade);
        }

        if (query.Subject is { Length: > 0 } subject)
        {
            entries = entries.Where(e => e.Subject == subject);
        }

        if (query.KnowledgePoint is { Length: > 0 } point)
        {
            entries = entries.Where(e => e.KnowledgePoints.Contains(point, StringComparer.Ordinal));
        }

        IReadOnlyList<MicroLessonView> page = [.. entries.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.MicroLessonId, StringComparer.Ordinal)
            .Take(Math.Clamp(query.Limit, 1, MaxLimit))];
        return Task.FromResult(page);
    }
}
