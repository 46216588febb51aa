using Classroom.Contracts.Questions;
using Orleans.Concurrency;

namespace Classroom.Contracts.MicroLessons;

/// <summary>
/// One micro-lesson (key: its id, <see cref="MicroLessonIds"/>): a range of a recorded lesson a teacher gave a title,
/// subject, grade and knowledge points, watched like a short replay of that range. Refusals throw a
/// <see cref="Errors.ClassroomException"/> subtype.
/// </summary>
[Alias("IMicroLessonGrain")]
public interface IMicroLessonGrain : IGrainWithStringKey
{
    /// <summary>
    /// Cuts the micro-lesson out of the caller's own ended lesson (a teacher; the range within the recording, 10 s to
    /// 30 min long) and lists it under its subject and its teacher. Once per id.
    /// </summary>
    [Alias("CreateAsync")]
    Task<MicroLessonView> CreateAsync(QaCaller caller, MicroLessonDraft draft);

    /// <summary>The micro-lesson; not found when none was made under this id, or it was deleted.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<MicroLessonView> GetAsync();

    /// <summary>Deletes it (its teacher, or an administrator): it leaves the lists and is not found any more.</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(QaCaller caller);
}

/// <summary>
/// The micro-lessons of a subject (key <c>subject/{subject}</c>) or of a teacher (key <c>teacher/{userId}</c>), newest
/// first, kept by the micro-lessons themselves.
/// </summary>
[Alias("IMicroLessonListGrain")]
public interface IMicroLessonListGrain : IGrainWithStringKey
{
    public static string OfSubject(string subject) => $"subject/{subject}";

    public static string OfTeacher(string userId) => $"teacher/{userId}";

    [Alias("PutAsync")]
    Task PutAsync(MicroLessonView microLesson);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string microLessonId);

    [ReadOnly]
    [Alias("ListAsync")]
    Task<IReadOnlyList<MicroLessonView>> ListAsync(MicroLessonQuery query);
}
