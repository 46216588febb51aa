using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;
using Classroom.Search.KnowledgePoints;

namespace Classroom.Grains.Questions;

/// <summary>
/// The shipped knowledge-point catalogue (<see cref="KnowledgePointCatalog.Default"/>) with the points administrators
/// added. Reads are [ReadOnly]: many questions check their points at once without queueing behind each other.
/// </summary>
[GrainType("knowledge-points")]
public sealed class KnowledgePointCatalogGrain(
    [PersistentState("catalog")] IPersistentState<KnowledgePointCatalogState> state) : Grain, IKnowledgePointCatalogGrain
{
    private const int NameMax = 40;
    private const int EnglishNameMax = 100;
    private static readonly KnowledgePointCatalog Shipped = KnowledgePointCatalog.Default;

    public Task<IReadOnlyList<SubjectPoints>> GetAsync() =>
        Task.FromResult<IReadOnlyList<SubjectPoints>>([.. QaSubjects.All.Select(subject => new SubjectPoints(subject, [.. PointsOf(subject)]))]);

    public Task CheckAsync(string subject, IReadOnlyList<string> pointIds)
    {
        var known = PointsOf(subject).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (pointIds.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw new ClassroomValidationException(Refusals.QaKnowledgePointUnknown, unknown);
        }

        return Task.CompletedTask;
    }

    public async Task<KnowledgePoint> AddAsync(QaCaller caller, string subject, string zh, string en)
    {
        if (caller is not { IsAdministrator: true })
        {
            throw new ClassroomPermissionException(Refusals.QaAdministratorsOnly);
        }

        if (!QaSubjects.IsKnown(subject))
        {
            throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject ?? "");
        }

        var name = QuestionRules.Text(zh, Phrase.KnowledgePointName, 1, NameMax);
        var english = QuestionRules.Text(string.IsNullOrWhiteSpace(en) ? name : en, Phrase.KnowledgePointName, 1, EnglishNameMax);
        if (PointsOf(subject).Any(p => p.Zh == name))
        {
            throw new ClassroomStateException(Refusals.QaKnowledgePointExists, name);
        }

        var point = new KnowledgePoint($"{subject}.added-{state.State.Added.Count(p => p.Subject == subject) + 1}", subject, name, english);
        state.State.Added.Add(point);
        await state.WriteStateAsync();
        return point;
    }

    private IEnumerable<KnowledgePoint> PointsOf(string subject) =>
        Shipped.PointsOf(subject).Concat(state.State.Added.Where(p => p.Subject == subject));
}
