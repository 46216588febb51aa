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

}
