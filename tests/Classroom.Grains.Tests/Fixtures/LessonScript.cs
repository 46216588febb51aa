using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using FsCheck;
using FsCheck.Fluent;

namespace Classroom.Grains.Tests.Fixtures;

/// <summary>One generated step of a lesson: what happens, who does it (<see cref="A"/>, <see cref="B"/> pick), and how long after the previous step.</summary>
public sealed record LessonStep(LessonAction Action, int A, int B, int DelayMillis);

/// <summary>Every kind of thing that happens in a lesson; between them they raise every kind of event the classroom has.</summary>
public enum LessonAction
{
    Join, Leave, Chat, DeleteChat, Mute, Unmute, SlowMode, ToggleChat, CreatePoll, Vote, ClosePoll, PublishPoll,
    RaiseHand, LowerHand, InviteToStage, RemoveFromStage, Marker, AppointAssistant, DismissAssistant,
}

/// <summary>
/// Generates lessons and plays them against a live classroom, as a teacher and six registered students would. Steps
/// that the classroom refuses (a vote in a closed poll, a chat while muted) are part of the test: they raise nothing.
/// </summary>
public sealed class LessonScript(IClassroomGrain classroom)
{
    public const string Assistant = "assistant-li";
    private static readonly string[] Students = ["s1", "s2", "s3", "s4", "s5", "s6"];
    private readonly List<string> _messages = [];
    private readonly List<string> _polls = [];
    private bool _chatEnabled = true;
    private int _next;

    public static Gen<List<LessonStep>> Lessons(int steps) =>
        (from action in Gen.Elements(Enum.GetValues<LessonAction>())
         from a in Gen.Choose(0, 11)
         from b in Gen.Choose(0, 11)
         from delay in Gen.Frequency((3, Gen.Choose(1, 400)), (1, Gen.Choose(400, 5000)))
         select new LessonStep(action, a, b, delay)).ListOf(steps).Select(list => list.ToList());

    public static IReadOnlyList<string> StudentIds => Students;

    public async Task SetUpAsync()
    {
        await classroom.ScheduleAsync(Fixtures.Lessons.Teacher, Fixtures.Lessons.Preview());
        foreach (var student in Students)
        {
            await classroom.RegisterAsync(student);
        }

        await classroom.StartAsync(Fixtures.Lessons.Teacher);
        await Fixtures.Lessons.JoinAsync(classroom, Fixtures.Lessons.Teacher, AccountKind.Teacher);
    }

    public async Task PlayAsync(LessonStep step)
    {
        try
        {
            await RunAsync(step);
        }
        catch (ClassroomException)
        {
            // Refused: nothing was raised, which the replay must show just the same.
        }
    }

    private Task RunAsync(LessonStep step)
    {
        var student = Students[step.A % Students.Length];
        var staff = step.B % 4 == 0 ? Assistant : Fixtures.Lessons.Teacher;
        return step.Action switch
        {
            LessonAction.Join => Fixtures.Lessons.JoinAsync(classroom, student, connection: $"{student}-c{step.B % 2}"),
            LessonAction.Leave => classroom.LeaveAsync(student, $"{student}-c{step.B % 2}"),
            LessonAction.Chat => PostAsync(step.B % 3 == 0 ? Fixtures.Lessons.Teacher : student),
            LessonAction.DeleteChat when _messages.Count > 0 => classroom.DeleteChatAsync(staff, _messages[step.B % _messages.Count]),
            LessonAction.Mute => classroom.MuteAsync(staff, student),
            LessonAction.Unmute => classroom.UnmuteAsync(staff, student),
            LessonAction.SlowMode => classroom.SetSlowModeAsync(staff, step.B % 3 * 2),
            LessonAction.ToggleChat => classroom.SetChatEnabledAsync(staff, _chatEnabled = !_chatEnabled),
            LessonAction.CreatePoll => CreatePollAsync(staff, quiz: step.B % 2 == 1, anonymous: step.B % 3 == 0),
            LessonAction.Vote when _polls.Count > 0 => classroom.VoteAsync(student, _polls[step.B % _polls.Count], [step.A % 3]),
            LessonAction.ClosePoll when _polls.Count > 0 => classroom.ClosePollAsync(staff, _polls[step.B % _polls.Count]),
            LessonAction.PublishPoll when _polls.Count > 0 => classroom.PublishPollResultsAsync(staff, _polls[step.B % _polls.Count]),
            LessonAction.RaiseHand => classroom.RaiseHandAsync(student),
            LessonAction.LowerHand => classroom.LowerHandAsync(step.B % 2 == 0 ? student : staff, student),
            LessonAction.InviteToStage => classroom.InviteToStageAsync(staff, student),
            LessonAction.RemoveFromStage => classroom.RemoveFromStageAsync(step.B % 2 == 0 ? student : staff, student),
            LessonAction.Marker => classroom.AddMarkerAsync(staff, $"Chapter {++_next}"),
            LessonAction.AppointAssistant => classroom.AppointAssistantAsync(Fixtures.Lessons.Teacher, Assistant),
            LessonAction.DismissAssistant => classroom.DismissAssistantAsync(Fixtures.Lessons.Teacher, Assistant),
            _ => Task.CompletedTask,
        };
    }

    private async Task PostAsync(string userId)
    {
        var message = await classroom.PostChatAsync(userId, $"Message {++_next} about x + {_next} = {2 * _next}");
        _messages.Add(message.MessageId);
    }

    private async Task CreatePollAsync(string staff, bool quiz, bool anonymous)
    {
        var poll = new PollDefinition(
            $"Question {++_next}", ["3", "4", "5"], Anonymous: anonymous, CorrectOptions: quiz ? [1] : null, AutoCloseSeconds: _next % 4 == 0 ? 5 : null);
        _polls.Add(await classroom.CreatePollAsync(staff, poll));
    }
}
