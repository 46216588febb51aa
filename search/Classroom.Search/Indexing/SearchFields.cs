using System.Globalization;
using Classroom.Contracts.Questions;
using Classroom.Search.Analysis;
using Classroom.Search.KnowledgePoints;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Classroom.Search.Indexing;

/// <summary>
/// The index's fields. Keywords (<see cref="Id"/>, <see cref="Kind"/>, <see cref="Grade"/>,
/// <see cref="KnowledgePoint"/>, the flags) are exact terms for filters; the text fields are analysed Chinese, each
/// on its own (for weighting) and all together in <see cref="Everything"/> (for finding candidates cheaply);
/// <see cref="At"/> and <see cref="Rank"/> are per-document values for sorting and for adoption's boost.
/// </summary>
internal static class SearchFields
{
    public const string Id = "id";

    /// <summary>A hash of everything the document was made from (<see cref="Fingerprint"/>): what an unchanged upsert is recognised by.</summary>
    public const string FingerprintField = "fingerprint";
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

    /// <summary>Every text field's words in one field, without positions: one posting per word and document.</summary>
    public const string Everything = "all";

    /// <summary>When it was asked or scheduled, in ticks: newest first when browsing a knowledge point.</summary>
    public const string At = "at";

    /// <summary>Whether relevance is multiplied by adoption's factor (<see cref="Ranking"/>).</summary>
    public const string Rank = "rank";

    public const string Yes = "1";
    public const string No = "0";

    private static readonly FieldType EverythingType = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    };

    static SearchFields() => EverythingType.Freeze();

    /// <summary>A grade as a keyword term, the same in documents and filters.</summary>
    public static string GradeTerm(int grade) => grade.ToString(CultureInfo.InvariantCulture);

    /// <summary>A hash (SHA-256) of every field of <paramref name="source"/>, as hex.</summary>
    public static string Fingerprint(SearchDocument source)
    {
        var text = string.Join('\u001f', source.Id, source.Kind, source.Subject, source.Grade, string.Join('\u001e', source.KnowledgePoints ?? []),
            source.Title, source.Body, source.Answers, source.Answered, source.Adopted, source.Visible, source.At.UtcTicks);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    public static Document Create(SearchDocument source, KnowledgePointCatalog catalog)
    {
        var document = new Document
        {
            new StringField(Id, source.Id, Field.Store.YES),
            new StoredField(FingerprintField, Fingerprint(source)),
            new StringField(Kind, source.Kind ?? "", Field.Store.YES),
            new StringField(Subject, source.Subject ?? "", Field.Store.YES),
            new StringField(Grade, GradeTerm(source.Grade), Field.Store.YES),
            new StringField(Answered, Flag(source.Answered), Field.Store.NO),
            new StringField(Adopted, Flag(source.Adopted), Field.Store.YES),
            new StringField(Visible, Flag(source.Visible), Field.Store.NO),
            new NumericDocValuesField(At, source.At.UtcTicks),
            new NumericDocValuesField(Rank, Ranking.Value(source)),
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

        var everything = new List<Word>();
        AddText(document, everything, KnowledgePointNames, string.Join('\n', names), stored: false);
        AddText(document, everything, Title, source.Title ?? "", stored: true);
        AddText(document, everything, Body, source.Body ?? "", stored: true);
        AddText(document, everything, Answers, source.Answers ?? "", stored: true);
        document.Add(new Field(Everything, new WordStream(everything, everything.Count == 0 ? 0 : everything[^1].End), EverythingType));
        return document;
    }

    private static void AddText(Document document, List<Word> everything, string field, string text, bool stored)
    {
        var words = ChineseText.Words(text);
        if (stored)
        {
            document.Add(new StoredField(field, text));
        }

        document.Add(new TextField(field, new WordStream(words, text.Length)));
        // Offsets keep rising through the combined field, as Lucene expects of one field's tokens.
        var shift = everything.Count == 0 ? 0 : everything[^1].End + 1;
        everything.AddRange(words.Select(word => word with { Start = word.Start + shift, End = word.End + shift }));
    }

    private static string Flag(bool value) => value ? Yes : No;
}
