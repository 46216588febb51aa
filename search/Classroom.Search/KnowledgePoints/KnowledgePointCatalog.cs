using System.Text.Json;
using Classroom.Contracts.Questions;

namespace Classroom.Search.KnowledgePoints;

/// <summary>
/// The knowledge points of the middle-school curriculum (初中, grades 7-9) by subject, as the product ships them
/// (<c>knowledge-points.json</c>, embedded). Questions are tagged with point ids; the search index also reads the
/// points' names so that a query naming a point finds the questions tagged with it.
/// </summary>
public sealed class KnowledgePointCatalog
{
    private const string ResourceName = "Classroom.Search.KnowledgePoints.knowledge-points.json";
    private static readonly Lazy<KnowledgePointCatalog> LazyDefault = new(LoadDefault);

    private readonly Dictionary<string, KnowledgePoint> _byId;
    private readonly Dictionary<string, IReadOnlyList<KnowledgePoint>> _bySubject;

    private KnowledgePointCatalog(IReadOnlyList<string> subjects, Dictionary<string, IReadOnlyList<KnowledgePoint>> bySubject)
    {
        Subjects = subjects;
        _bySubject = bySubject;
        _byId = bySubject.Values.SelectMany(points => points).ToDictionary(point => point.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue the product ships.</summary>
    public static KnowledgePointCatalog Default => LazyDefault.Value;

    /// <summary>The subject codes, in the catalogue's order (math first).</summary>
    public IReadOnlyList<string> Subjects { get; }

    /// <summary>Every point of every subject.</summary>
    public IEnumerable<KnowledgePoint> All => Subjects.SelectMany(subject => _bySubject[subject]);

    /// <summary>The points of a subject in teaching order; empty for a subject the catalogue does not have.</summary>
    public IReadOnlyList<KnowledgePoint> PointsOf(string subject) => _bySubject.GetValueOrDefault(subject) ?? [];

    /// <summary>The point with this id, or null.</summary>
    public KnowledgePoint? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Reads a catalogue: a JSON object from subject code to its points (<c>{ "id", "zh", "en" }</c>), each id prefixed
    /// with its subject and a dot, unique, every name non-empty.
    /// </summary>
    /// <exception cref="InvalidDataException">The file breaks one of those rules.</exception>
    public static KnowledgePointCatalog Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The knowledge-point catalogue must be a JSON object of subjects.");
        }

        var subjects = new List<string>();
        var bySubject = new Dictionary<string, IReadOnlyList<KnowledgePoint>>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in document.RootElement.EnumerateObject())
        {
            var points = subject.Value.EnumerateArray().Select(point => ReadPoint(subject.Name, point)).ToList();
            foreach (var point in points)
            {
                if (!ids.Add(point.Id))
                {
                    throw new InvalidDataException($"The knowledge point '{point.Id}' appears twice.");
                }
            }

            subjects.Add(subject.Name);
            bySubject.Add(subject.Name, points);
        }

        return new KnowledgePointCatalog(subjects, bySubject);
    }

    private static KnowledgePoint ReadPoint(string subject, JsonElement point)
    {
        var id = Text(point, "id");
        if (!id.StartsWith($"{subject}.", StringComparison.Ordinal) || id.Length == subject.Length + 1)
        {
            throw new InvalidDataException($"The knowledge point '{id}' must be named '{subject}.<name>'.");
        }

        return new KnowledgePoint(id, subject, Text(point, "zh"), Text(point, "en"));
    }

    private static string Text(JsonElement point, string name) =>
        point.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new InvalidDataException($"A knowledge point lacks its '{name}': {point.GetRawText()}");

    private static KnowledgePointCatalog LoadDefault()
    {
        using var stream = typeof(KnowledgePointCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks its resource '{ResourceName}'.");
        return Parse(stream);
    }
}
