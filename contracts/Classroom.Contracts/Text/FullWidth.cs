namespace Classroom.Contracts.Text;

/// <summary>
/// What Chinese input methods type: full-width letters, digits and signs (２ｘ＋３＝１１, １：００) where the rest of the
/// world types ASCII. Input read by the product (search words, replay moments) folds them to ASCII first. Done by hand:
/// the hosts run with invariant globalization, where <see cref="string.Normalize()"/> leaves such text as it is.
/// </summary>
public static class FullWidth
{
    /// <summary>The text with U+FF01–U+FF5E folded to ASCII and the ideographic space (U+3000) to a space.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (folded, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            folded[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
    });
}
