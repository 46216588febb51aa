using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Classroom.Search.Analysis;

/// <summary>
/// Words already analysed, replayed as a token stream: each text is segmented once per document and its words
/// indexed into both its own field and the combined one (<see cref="Indexing.SearchFields.Everything"/>). SmartCn's
/// segmentation is most of the cost of indexing.
/// </summary>
internal sealed class WordStream : TokenStream
{
    private readonly IReadOnlyList<Word> _words;
    private readonly int _end;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private int _next;

    public WordStream(IReadOnlyList<Word> words, int textLength)
    {
        _words = words;
        _end = textLength;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next == _words.Count)
        {
            return false;
        }

        ClearAttributes();
        var word = _words[_next++];
        _term.SetEmpty().Append(word.Term);
        _offset.SetOffset(word.Start, word.End);
        _increment.PositionIncrement = word.Increment;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_end, _end);
    }
}
