using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.MicroLessons;
using Classroom.Contracts.Questions;
using Classroom.Contracts.Replays;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Grains.MicroLessons;

/// <summary>
/// One micro-lesson: checked against the recording it is cut from (the lesson's replay: ended, the caller's own, the
/// range inside it), stored, and listed under its subject and its teacher. It refers to the recording by range and
/// copies nothing of it: watching it opens the lesson's replay limited to the range.
/// </summary>
[GrainType("micro-lesson")]
public sealed class MicroLessonGrain(
    [PersistentState("micro-lesson")] IPersistentState<MicroLessonState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IMicroLessonGrain
{
    public static readonly TimeSpan MinLength = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxLength = TimeSpan.FromMinutes(30);
    public const int TitleMin = 2, TitleMax = 60, DescriptionMax = 300, KnowledgePointsMax = 5;

    private string Id => this.GetPrimaryKeyString();

    public async Task<MicroLessonView> CreateAsync(QaCaller caller, MicroLessonDraft draft)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != AccountKind.Teacher)
        {
            throw new ClassroomPermissionException(Refusals.MicroTeachersOnly);
        }

        if (!MicroLessonIds.IsValid(Id))
        {
            throw new ClassroomValidationException(Refusals.MicroId);
        }

        if (state.State.MicroLesson is { } made)
        {
            // A retried create of the same cut lists it again (the first may have failed between the two writes).
            if (state.State.Deleted || made.TeacherId != caller.UserId || made.ClassroomId != draft?.ClassroomId
                || made.FromMillis != draft.FromMillis || made.ToMillis != draft.ToMillis)
            {
                throw new ClassroomStateException(Refusals.MicroAlreadyMade);
            }

            await ListAsync(made);
            return made;
        }

        var (subject, points, title, description) = Checked(draft);
        await GrainFactory.GetGrain<IKnowledgePointCatalogGrain>(IKnowledgePointCatalogGrain.Key).CheckAsync(subject, points);
        var recording = await GrainFactory.GetGrain<IReplayGrain>(draft.ClassroomId).GetInfoAsync(caller.UserId);
        if (recording.Status != ClassroomStatus.Ended)
        {
            throw new ClassroomStateException(Refusals.MicroLessonNotEnded);
        }

        if (recording.Preview?.TeacherId != caller.UserId)
        {
            throw new ClassroomPermissionException(Refusals.MicroOwnLessonsOnly);
        }

        var length = draft.ToMillis - draft.FromMillis;
        if (draft.FromMillis < 0 || draft.ToMillis > recording.DurationMillis || length < MinLength.TotalMilliseconds || length > MaxLength.TotalMilliseconds)
        {
            throw new ClassroomValidationException(Refusals.MicroRange, (int)MinLength.TotalSeconds, (int)MaxLength.TotalMinutes, recording.DurationMillis / 1000);
        }

        var view = new MicroLessonView(
            Id, draft.ClassroomId, caller.UserId, title, subject, draft.Grade, points, description, draft.FromMillis, draft.ToMillis,
            recording.Preview.Title, time.GetUtcNow());
        state.State.MicroLesson = view;
        await state.WriteStateAsync();
        await ListAsync(view);
        return view;
    }

    public Task<MicroLessonView> GetAsync() => Task.FromResult(Existing());

    public async Task DeleteAsync(QaCaller caller)
    {
        var view = Existing();
        if (caller?.UserId != view.TeacherId && caller?.IsAdministrator != true)
        {
            throw new ClassroomPermissionException(Refusals.MicroDeleteNotAllowed);
        }

        state.State.Deleted = true;
        await state.WriteStateAsync();
        await Task.WhenAll(
            GrainFactory.GetGrain<IMicroLessonListGrain>(IMicroLessonListGrain.OfSubject(view.Subject)).RemoveAsync(Id),
            GrainFactory.GetGrain<IMicroLessonListGrain>(IMicroLessonListGrain.OfTeacher(view.TeacherId)).RemoveAsync(Id));
    }

    private MicroLessonView Existing() =>
        state.State is { MicroLesson: { } view, Deleted: false } ? view : throw new ClassroomNotFoundException(Refusals.MicroNotFound, Id);

    private Task ListAsync(MicroLessonView view) => Task.WhenAll(
        GrainFactory.GetGrain<IMicroLessonListGrain>(IMicroLessonListGrain.OfSubject(view.Subject)).PutAsync(view),
        GrainFactory.GetGrain<IMicroLessonListGrain>(IMicroLessonListGrain.OfTeacher(view.TeacherId)).PutAsync(view));

    /// <summary>The draft's subject, knowledge points, title and description, checked and cleaned; the range is checked against the recording.</summary>
    private static (string Subject, IReadOnlyList<string> Points, string Title, string Description) Checked(MicroLessonDraft? draft)
    {
        if (draft is null || !ClassroomIdRule.IsValid(draft.ClassroomId))
        {
            throw new ClassroomValidationException(Refusals.ClassroomIdLength, ClassroomIdRule.MaxLength);
        }

        var points = QuestionRules.CheckedTopic(draft.Subject, draft.Grade, draft.KnowledgePoints, KnowledgePointsMax);

        var title = ClassroomRules.Clean(draft.Title, keepLineBreaks: false);
        ClassroomRules.CheckText(title, Phrase.Title, TitleMin, TitleMax);
        var description = ClassroomRules.Clean(draft.Description, keepLineBreaks: true);
        ClassroomRules.CheckText(description, Phrase.MicroDescription, 0, DescriptionMax);
        return (draft.Subject, points, title, description);
    }
}
