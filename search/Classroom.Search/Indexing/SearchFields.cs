using System.Globalization;
using Classroom.Contracts.Questions;
using Classroom.Search.KnowledgePoints;
using Lucene.Net.Documents;

namespace Classroom.Search.Indexing;

/// <summary>
/// The index's fields. Keywords (<see cref="Id"/>, <see cref="Kind"/>, <see cref="Grade"/>,
/// <see cref="KnowledgePoint"/>, the flags) are exact terms for filters; the text fields are analysed Chinese;
/// <see cref="At"/> and <see cref="Rank"/> are per-document values for sorting and for adoption's boost.
/// </summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Subject = "subject";
    public const string Grade = "grade";
    public const string KnowledgePoint = "kp";
    public const string Answered = "answered";
    public const string Adopted = "adopted";
    public const string Visible = "visible";

    /// <summary>The names (Chinese and English) of the document's knowledge points, analysed.</summary>
    public const string KnowledgePointNames = "kpText";
    public const string Title = "title";
    public const string Body = "body";
    public const string Answers = "answers";

    /// <summary>When it was asked or scheduled, in ticks: newest first when browsing a knowledge point.</summary>
    public const string At = "at";

    /// <summary>The factor relevance is multiplied by (<see cref="Ranking"/>).</summary>
    public const string Rank = "rank";

    public const string Yes = "1";
    public const string No = "0";

    /// <summary>A grade as a keyword term, the same in documents and filters.</summary>
    public static string GradeTerm(int grade) => grade.ToString(CultureInfo.InvariantCulture);

    public static Document Create(SearchDocument source, KnowledgePointCatalog catalog)
    {
        var document = new Document
        {
            new StringField(Id, source.Id, Field.Store.YES),
            new StringField(Kind, source.Kind, Field.Store.YES),
            new StringField(Subject, source.Subject, Field.Store.YES),
            new StringField(Grade, GradeTerm(source.Grade), Field.Store.YES),
            new StringField(Answered, Flag(source.Answered), Field.Store.NO),
            new StringField(Adopted, Flag(source.Adopted), Field.Store.YES),
            new StringField(Visible, Flag(source.Visible), Field.Store.NO),
            new TextField(Title, source.Title, Field.Store.YES),
            new TextField(Body, source.Body, Field.Store.YES),
            new TextField(Answers, source.Answers, Field.Store.YES),
            new NumericDocValuesField(At, source.At.UtcTicks),
            new SingleDocValuesField(Rank, Ranking.Factor(source)),
        };
        var names = new List<string>();
        foreach (var id in source.KnowledgePoints ?? [])
        {
            document.Add(new StringField(KnowledgePoint, id, Field.Store.YES));
            if (catalog.Find(id) is { } point)
            {
                names.Add(point.Zh);
                names.Add(point.En);
            }
        }

        document.Add(new TextField(KnowledgePointNames, string.Join('\n', names), Field.Store.NO));
        return document;
    }

    private static string Flag(bool value) => value ? Yes : No;
}
