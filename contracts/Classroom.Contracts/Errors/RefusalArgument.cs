using System.Globalization;

namespace Classroom.Contracts.Errors;

/// <summary>
/// One argument of a refusal: a value (a number or a name, written with the invariant culture) or the code of a
/// <see cref="Phrase"/> the catalogue says in each language.
/// </summary>
[GenerateSerializer, Immutable, Alias("RefusalArgument")]
public sealed record RefusalArgument([property: Id(0)] string Value, [property: Id(1)] bool IsPhrase)
{
    /// <summary>An argument from what a refusal was given: a <see cref="Phrase"/> stays a phrase; anything else is its invariant text.</summary>
    public static RefusalArgument From(object? value) => value switch
    {
        Phrase phrase => new(phrase.Code, IsPhrase: true),
        IFormattable formattable => new(formattable.ToString(null, CultureInfo.InvariantCulture), IsPhrase: false),
        _ => new(value?.ToString() ?? "", IsPhrase: false),
    };

    public override string ToString() => Value;
}
