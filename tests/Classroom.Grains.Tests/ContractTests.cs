using System.Text.Json;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Contracts.Questions;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Students;
using Classroom.Grains.Teachers;
using Classroom.Persistence.Serialization;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Classroom.Grains.Tests;

public sealed class ContractTests
{
    private static readonly PersistenceJson Serializer = new(Options.Create(new PersistenceJsonOptions { Contexts = { ClassroomGrains.SerializerContexts[0], ClassroomGrains.SerializerContexts[1] } }));

    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(ClassroomEventData)] = () => new ChatPosted("m7", "s1", "Li Ming", ParticipantRole.Student, "x = 4"),
    };

    private static string Json(object? value, Type type) => JsonSerializer.Serialize(value, Serializer.Options.GetTypeInfo(type));

    [Fact]
    public void Every_type_the_grain_interfaces_carry_crosses_orleans_unchanged()
    {
        var failures = GrainContracts.FindTypesThatDoNotRoundTrip([typeof(IClassroomGrain).Assembly], Json, Samples, typeof(ClassroomEventBatch));

        Assert.Empty(failures);
        Assert.True(GrainContracts.WireTypes([typeof(IClassroomGrain).Assembly]).Count() > 15);
    }

    [Fact]
    public void An_event_of_a_type_this_build_does_not_know_crosses_orleans_with_its_data()
    {
        var raw = JsonDocument.Parse("""{"strokes":[1,2],"colour":"红"}""").RootElement;
        var original = new ClassroomEvent("c", 9, DateTimeOffset.UnixEpoch, EventAudience.Everyone, new UnknownEventData("whiteboard.drawn", raw));
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Orleans.Serialization.Serializer>();

        var copy = serializer.Deserialize<ClassroomEvent>(serializer.SerializeToArray(original));

        Assert.Equal(Json(original, typeof(ClassroomEvent)), Json(copy, typeof(ClassroomEvent)));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_crosses_orleans_in_a_batch(string name)
    {
        var data = (ClassroomEventData)SampleValues.Create(ClassroomEventTypes.TypeOf(name)!)!;
        var batch = new ClassroomEventBatch("c", 7, 7, [new ClassroomEvent("c", 7, DateTimeOffset.UnixEpoch, EventAudience.Everyone, data)]);
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Orleans.Serialization.Serializer>();

        var copy = serializer.Deserialize<ClassroomEventBatch>(serializer.SerializeToArray(batch));

        Assert.Equal(Json(batch, typeof(ClassroomEventBatch)), Json(copy, typeof(ClassroomEventBatch)));
    }

    [Theory]
    [InlineData(typeof(ClassroomState))]
    [InlineData(typeof(TeacherState))]
    [InlineData(typeof(StudentState))]
    [InlineData(typeof(Photos.PhotoState))]
    [InlineData(typeof(Questions.QuestionListState))]
    [InlineData(typeof(Questions.KnowledgePointCatalogState))]
    public void Every_stored_type_round_trips_as_json(Type type)
    {
        var sample = SampleValues.Create(type, Samples);
        var first = Json(sample, type);

        Assert.Equal(first, Json(JsonSerializer.Deserialize(first, Serializer.Options.GetTypeInfo(type)), type));
        Assert.NotEqual("{}", first);
    }

    /// <summary>The stored names of the question events, written out: renaming one would leave shipped logs unreadable.</summary>
    public static TheoryData<string> QuestionEventTypes =>
        ["question.asked", "answer.posted", "answer.adopted", "answer.rated", "followup.posted", "question.closed", "question.reported", "question.hidden-changed"];

    [Fact]
    public void A_stored_question_event_reads_back_under_its_shipped_field_names()
    {
        var json = """{"type":"answer.posted","answerId":"a1","teacherId":"teacher","teacherName":"王芳","answer":{"reasoning":"相遇问题","steps":["设 x"],"finalAnswer":"27 千米","resources":[{"lessonId":"demo","title":"复习","atMillis":60000}]},"at":"2026-12-01T02:00:00+00:00"}""";

        var e = Assert.IsType<AnswerPosted>(JsonSerializer.Deserialize(json, Serializer.Options.GetTypeInfo(typeof(QuestionEvent))));

        Assert.Equal(("a1", "teacher", "王芳", "27 千米", 60000L), (e.AnswerId, e.TeacherId, e.TeacherName, e.Answer.FinalAnswer, e.Answer.Resources[0].AtMillis!.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), e.At);
    }

    [Theory]
    [MemberData(nameof(QuestionEventTypes))]
    public void Every_question_event_is_stored_under_its_stable_name_and_read_back_whole(string name)
    {
        var type = typeof(QuestionEvent).GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().Single(a => (string)a.TypeDiscriminator! == name).DerivedType;
        var original = (QuestionEvent)SampleValues.Create(type, Samples)!;

        var json = Json(original, typeof(QuestionEvent));
        var copy = JsonSerializer.Deserialize(json, Serializer.Options.GetTypeInfo(typeof(QuestionEvent)));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(name, document.RootElement.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("at").ValueKind);
        Assert.IsType(type, copy);
        Assert.Equal(json, Json(copy, typeof(QuestionEvent)));
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
