using Orleans.Concurrency;

namespace Classroom.Contracts.Events;

/// <summary>
/// A host that fans a classroom's events out (a gateway), subscribed with <see cref="Classrooms.IClassroomGrain.SubscribeAsync"/>.
/// The classroom sends every committed batch, in order, to each subscriber. Delivery is best effort: a batch can be lost
/// when the classroom's silo dies or the subscription lapses, so a subscriber tracks <see cref="ClassroomEventBatch.LastSeq"/>
/// and fills any gap from <see cref="Classrooms.IClassroomGrain.ReadCommittedAsync"/>.
/// </summary>
[Alias("IClassroomObserver")]
public interface IClassroomObserver : IGrainObserver
{
    /// <summary>Events the classroom made durable, every audience included.</summary>
    [OneWay]
    [Alias("OnCommitted")]
    Task OnCommittedAsync(ClassroomEventBatch batch);

    /// <summary>
    /// The latest laser pointer positions of the classroom's drawers, coalesced: never stored, never numbered, and
    /// harmless to lose (the next one replaces it).
    /// </summary>
    [OneWay]
    [Alias("OnPointers")]
    Task OnPointersAsync(string classroomId, IReadOnlyList<Board.BoardPointer> pointers);
}
