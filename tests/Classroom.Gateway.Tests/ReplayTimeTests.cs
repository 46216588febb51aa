using Classroom.Contracts.Errors;
using Classroom.Gateway.Replay;

namespace Classroom.Gateway.Tests;

public sealed class ReplayTimeTests
{
    [Theory]
    [InlineData("1h10m5s", 4_205_000)]
    [InlineData("70m", 4_200_000)]
    [InlineData("4205", 4_205_000)]
    [InlineData("4205.5s", 4_205_500)]
    [InlineData("1:10:05", 4_205_000)]
    [InlineData("10:05", 605_000)]
    [InlineData("0", 0)]
    [InlineData(" 2h ", 7_200_000)]
    public void Deep_link_moments_read_as_milliseconds_since_the_start(string text, long millis) =>
        Assert.Equal(millis, ReplayTime.ParseMillis(text));

    [Theory]
    [InlineData("-5", "0 or more")]
    [InlineData("", "1h10m5s")]
    [InlineData("soon", "1h10m5s")]
    [InlineData("25h", "24 hours")]
    [InlineData("1h1h", "1h10m5s")]
    public void Other_text_is_refused_saying_how_to_write_a_moment(string text, string hint) =>
        Assert.Contains(hint, Assert.Throws<ClassroomValidationException>(() => ReplayTime.ParseMillis(text)).Message);

    [Theory]
    [InlineData("３", 3_000)]
    [InlineData("１:００", 60_000)]
    [InlineData("１：００", 60_000)]
    [InlineData("１ｈ１０ｍ", 4_200_000)]
    [InlineData("\u3000７０m\u3000", 4_200_000)]
    public void Full_width_digits_and_signs_of_a_Chinese_input_method_read_as_their_ASCII(string text, long millis) =>
        Assert.Equal(millis, ReplayTime.ParseMillis(text));

    [Theory]
    [InlineData("١٠")]
    [InlineData("৩s")]
    [InlineData("߃")]
    [InlineData("1:٠٠")]
    [InlineData("三分钟")]
    public void Digits_of_other_scripts_are_refused_as_a_moment_it_cannot_read(string text) =>
        Assert.Equal(Refusals.ReplayMomentFormat, Assert.Throws<ClassroomValidationException>(() => ReplayTime.ParseMillis(text)).Code);

    [Fact]
    public void No_text_makes_the_parser_fail_other_than_by_refusing_it()
    {
        // Seeded, so a failure is repeatable: 20,000 strings of up to 12 characters from digits of several scripts,
        // the units and separators the parser knows, full-width forms, letters, signs and lone surrogates.
        const string alphabet = "0123456789hms:.-+ eE０１２３４５６７８９ｈｍｓ：．－١٢٣৩৪߃三时分秒\u3000\t\uD800\uDC00∞NaN";
        var random = new Random(20261130);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(13)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            try
            {
                Assert.InRange(ReplayTime.ParseMillis(text), 0, 24L * 60 * 60 * 1000);
            }
            catch (ClassroomValidationException)
            {
                // Refused with a message: what must happen to text it cannot read.
            }
        }
    }

}
