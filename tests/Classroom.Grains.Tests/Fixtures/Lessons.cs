using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.TestKit;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>Sets lessons up the way a teacher and students would, so tests state only what they check.</summary>
public sealed class Lessons(ClassroomTestCluster cluster)
{
    public const string Teacher = "teacher-wang";

    private static int s_next;

    public IClusterClient Client => cluster.Client;

    public static string NewId(string name) => $"{name}-{Interlocked.Increment(ref s_next)}";

    public static CoursePreview Preview(string teacherId = Teacher, int? capacity = null) => new(
        "Word problems with linear equations", "math", 8, CourseType.Textbook,
        "Setting up equations from word problems, step by step.",
        new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(1), teacherId,
        "https://media.example/live/algebra.m3u8", capacity);

    public IClassroomGrain Get(string id) => cluster.Client.GetGrain<IClassroomGrain>(id);

    public async Task<IClassroomGrain> ScheduleAsync(string id, int? capacity = null)
    {
        var classroom = Get(id);
        await classroom.ScheduleAsync(Teacher, Preview(capacity: capacity));
        return classroom;
    }

    /// <summary>A live lesson with its teacher present and the students registered and present.</summary>
    public async Task<IClassroomGrain> LiveAsync(string id, params string[] students)
    {
        var classroom = await ScheduleAsync(id);
        foreach (var student in students)
        {
            await classroom.RegisterAsync(student);
        }

        await classroom.StartAsync(Teacher);
        await JoinAsync(classroom, Teacher, AccountKind.Teacher);
        foreach (var student in students)
        {
            await JoinAsync(classroom, student);
        }

        return classroom;
    }

    public static Task<JoinResult> JoinAsync(IClassroomGrain classroom, string userId, AccountKind kind = AccountKind.Student, string? connection = null, bool asViewer = false) =>
        classroom.JoinAsync(new JoinRequest(userId, "Name of " + userId, kind, connection ?? userId + "-c1", asViewer));

    /// <summary>Every committed event of a classroom, as staff see them (votes of anonymous polls and other internal events excluded).</summary>
    public static async Task<List<ClassroomEvent>> EventsAsync(IClassroomGrain classroom, string viewer = Teacher, long after = 0)
    {
        var events = new List<ClassroomEvent>();
        while (true)
        {
            var page = await classroom.GetEventsAsync(viewer, after, 1000);
            events.AddRange(page.Events);
            after = page.ThroughSeq;
            if (!page.HasMore)
            {
                return events;
            }
        }
    }

    public static async Task<List<T>> EventsOfAsync<T>(IClassroomGrain classroom, string viewer = Teacher) where T : ClassroomEventData =>
        (await EventsAsync(classroom, viewer)).Select(e => e.Data).OfType<T>().ToList();
}
