using System.Text.Json;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Students;
using Classroom.Grains.Teachers;
using Classroom.Runtime.Serialization;
using Classroom.TestKit;

namespace Classroom.Grains.Tests;

public sealed class ContractTests
{
    private static readonly GrainSerializer Serializer = new(ClassroomGrains.SerializerContexts);

    [Fact]
    public void Every_type_the_grain_interfaces_carry_and_every_stored_type_round_trips()
    {
        var samples = new Dictionary<Type, Func<object>>
        {
            [typeof(ClassroomEventData)] = () => new ChatPosted("m7", "s1", "Li Ming", ParticipantRole.Student, "x = 4"),
        };
        var failures = GrainContracts.FindTypesThatDoNotRoundTrip(
            Serializer, [typeof(IClassroomGrain).Assembly], samples,
            typeof(ClassroomEventBatch), typeof(ClassroomState), typeof(TeacherState), typeof(StudentState));

        Assert.Empty(failures);
        Assert.True(GrainContracts.WireTypes([typeof(IClassroomGrain).Assembly]).Count() > 15);
    }

    public static TheoryData<string> EventTypes => new(ClassroomEventTypes.Names);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_round_trips_in_its_envelope_under_its_stable_name(string name)
    {
        var data = (ClassroomEventData)SampleValues.Create(ClassroomEventTypes.TypeOf(name)!)!;
        var original = new ClassroomEvent("algebra-1", 42, new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.FromHours(8)), EventAudience.Staff, data);

        var json = Serializer.Serialize(original);
        var copy = Serializer.Deserialize<ClassroomEvent>(json);

        Assert.Equal(name, copy.Type);
        Assert.Equal((original.ClassroomId, original.Seq, original.At, original.Audience), (copy.ClassroomId, copy.Seq, copy.At, copy.Audience));
        Assert.Equal(json, Serializer.Serialize(copy));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["classroomId", "seq", "at", "type", "audience", "data"], document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_envelope_reads_its_data_before_its_type_and_refuses_an_incomplete_event()
    {
        var json = """{"data":{"text":"hi","messageId":"m3","userId":"s1","displayName":"Li","role":"student"},"type":"chat.posted","seq":3,"at":"2026-11-28T06:30:00+00:00","classroomId":"c"}"""u8;

        var e = Serializer.Deserialize<ClassroomEvent>(json);

        Assert.Equal("hi", Assert.IsType<ChatPosted>(e.Data).Text);
        Assert.Equal(EventAudience.Everyone, e.Audience);
        Assert.Throws<JsonException>(() => Serializer.Deserialize<ClassroomEvent>("""{"type":"chat.posted","seq":3}"""u8));
    }

    [Fact]
    public void Enums_travel_by_their_stable_names()
    {
        Assert.Equal("\"topic-review\"", System.Text.Encoding.UTF8.GetString(Serializer.Serialize(CourseType.TopicReview)));
        Assert.Equal("\"lesson-start\"", System.Text.Encoding.UTF8.GetString(Serializer.Serialize(MarkerKind.LessonStart)));
    }
}
