using System.Text.Json.Serialization;
using Classroom.Contracts.Slides;

namespace Classroom.Grains.Slides;

/// <summary>What a slide deck grain stores: the deck's record, once written.</summary>
public sealed class SlideDeckState
{
    [JsonPropertyName("deck")]
    public SlideDeckInfo? Deck { get; set; }
}
