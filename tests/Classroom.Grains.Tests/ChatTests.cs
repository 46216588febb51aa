using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class ChatTests(ClassroomFixture fixture)
{
    private Lessons Lessons => fixture.Lessons;

    [Fact]
    public async Task A_message_is_cleaned_of_control_characters_and_kept_with_its_author()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("chat"), "s1");

        var message = await classroom.PostChatAsync("s1", "  x = 3\u0007\u001b[31m\r\nso y = 5\t!  ");

        Assert.Equal("x = 3[31m \nso y = 5 !", message.Text);
        Assert.Equal(("s1", "Name of s1", ParticipantRole.Student), (message.UserId, message.DisplayName, message.Role));
        var posted = Assert.Single(await Lessons.EventsOfAsync<ChatPosted>(classroom, "anyone"));
        Assert.Equal(message.MessageId, posted.MessageId);
        Assert.Equal(message.Text, posted.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002")]
    public async Task An_empty_message_is_refused(string text)
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("empty-chat"), "s1");

        var error = await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.PostChatAsync("s1", text));

        Assert.Contains("empty", error.Message);
        Assert.Empty(await Lessons.EventsOfAsync<ChatPosted>(classroom));
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_refused_with_the_limit()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("long-chat"), "s1");

        var error = await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.PostChatAsync("s1", new string('a', 501)));

        Assert.Contains("500", error.Message);
    }

    [Fact]
    public async Task Viewers_and_absent_users_cannot_chat_and_nobody_chats_before_the_start()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("who-chats"));
        await Lessons.JoinAsync(classroom, "s1");
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.PostChatAsync("s1", "too early"));
        await classroom.StartAsync(Lessons.Teacher);
        await Lessons.JoinAsync(classroom, "guest", AccountKind.Guest);

        var viewer = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.PostChatAsync("guest", "hi"));
        var absent = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.PostChatAsync("never-joined", "hi"));

        Assert.Equal((Refusals.LessonViewersCannot, new RefusalArgument(Phrase.Chat.Code, IsPhrase: true)), (viewer.Code, viewer.Arguments.Single()));
        Assert.Equal("Viewers cannot chat.", viewer.Message);
        Assert.Equal(Refusals.LessonPresentOnly, absent.Code);
    }

    [Fact]
    public async Task A_muted_student_cannot_chat_until_unmuted_and_only_staff_mute()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("mute"), "s1", "s2");
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.MuteAsync("s2", "s1"));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.MuteAsync(Lessons.Teacher, Lessons.Teacher));

        await classroom.MuteAsync(Lessons.Teacher, "s1");
        Assert.Equal(Refusals.ChatMuted, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.PostChatAsync("s1", "hello"))).Code);
        Assert.Equal(["s1"], (await classroom.GetSnapshotAsync(Lessons.Teacher)).Chat.Muted);
        Assert.Empty((await classroom.GetSnapshotAsync("s2")).Chat.Muted);

        await classroom.UnmuteAsync(Lessons.Teacher, "s1");
        await classroom.PostChatAsync("s1", "hello");
    }

    [Fact]
    public async Task With_chat_off_students_cannot_chat_but_staff_can()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("chat-off"), "s1");
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.SetChatEnabledAsync("s1", false));

        await classroom.SetChatEnabledAsync(Lessons.Teacher, false);

        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.PostChatAsync("s1", "hello"));
        await classroom.PostChatAsync(Lessons.Teacher, "Quiet please, we start the example.");
        Assert.False((await classroom.GetSnapshotAsync("s1")).Chat.Enabled);
    }

    [Fact]
    public async Task Staff_delete_any_message_and_students_cannot()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("delete"), "s1", "s2");
        var message = await classroom.PostChatAsync("s1", "spam");

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.DeleteChatAsync("s2", message.MessageId));
        await classroom.DeleteChatAsync(Lessons.Teacher, message.MessageId);

        Assert.Empty((await classroom.GetSnapshotAsync("s2")).Chat.Messages);
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => classroom.DeleteChatAsync(Lessons.Teacher, message.MessageId));
        Assert.Equal(message.MessageId, Assert.Single(await Lessons.EventsOfAsync<ChatDeleted>(classroom, "s2")).MessageId);
    }

    [Fact]
    public async Task Slow_mode_refuses_a_bad_setting()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("slow-bad"));

        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.SetSlowModeAsync(Lessons.Teacher, -1));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.SetSlowModeAsync("s1", 10));
    }
}

public sealed class ClockedChatTests
{
    [Fact]
    public async Task Slow_mode_makes_a_student_wait_between_messages_but_not_staff()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var classroom = await new Lessons(cluster).LiveAsync("slow", "s1");
        await classroom.SetSlowModeAsync(Lessons.Teacher, 10);

        await classroom.PostChatAsync("s1", "first");
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(4));
        var error = await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.PostChatAsync("s1", "second"));
        await classroom.PostChatAsync(Lessons.Teacher, "staff are not slowed");
        await classroom.PostChatAsync(Lessons.Teacher, "at all");
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(6));
        await classroom.PostChatAsync("s1", "second");

        Assert.Equal(Refusals.ChatSlowMode, error.Code);
        Assert.Equal(["6"], error.Arguments.Select(a => a.Value));
        Assert.Equal("Slow mode is on: wait 6 s before your next message.", error.Message);
    }

    [Fact]
    public async Task A_late_joiner_gets_the_configured_window_of_recent_messages()
    {
        await using var cluster = await ClassroomCluster.StartAsync(o => o.ChatHistory = 3);
        var classroom = await new Lessons(cluster).LiveAsync("history", "s1");
        for (var i = 1; i <= 5; i++)
        {
            await classroom.PostChatAsync("s1", $"message {i}");
        }

        var join = await Lessons.JoinAsync(classroom, "late");

        Assert.Equal(["message 3", "message 4", "message 5"], join.Snapshot.Chat.Messages.Select(m => m.Text));
    }
}
