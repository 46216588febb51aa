using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Teachers;
using Classroom.Gateway.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Demo;

/// <summary>
/// On a fresh data folder: a demo teacher, three demo students, a scheduled demo lesson and a few questions in the Q&amp;A
/// centre, so a newcomer can sign in at once. Prints where to connect and the demo credentials. Running it again changes nothing.
/// </summary>
internal sealed partial class DemoSeeder(
    IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<GatewayOptions> options, TimeProvider time, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public const string LessonId = "demo-linear-equations";
    public const string TeacherName = "teacher";
    public const string TeacherPassword = "teacher-demo";
    public const string StudentPassword = "student-demo";
    public const string OperatorName = "operator";
    public const string OperatorPassword = "operator-demo";
    public static readonly string[] StudentNames = ["student1", "student2", "student3"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo)
        {
            return;
        }

        var accounts = services.GetRequiredService<AccountService>();
        var client = services.GetRequiredService<IClusterClient>();
        await EnsureAccountAsync(accounts, TeacherName, TeacherPassword, "王芳", AccountKind.Teacher);
        foreach (var (name, index) in StudentNames.Select((n, i) => (n, i)))
        {
            await EnsureAccountAsync(accounts, name, StudentPassword, $"演示学生{index + 1}", AccountKind.Student);
        }

        // An account to watch the cluster with (the Orleans dashboard at /dashboard) where Classroom:Gateway:Operators names it.
        await EnsureAccountAsync(accounts, OperatorName, OperatorPassword, "运维值班员", AccountKind.Teacher);
        await client.GetGrain<ITeacherGrain>(TeacherName).SetProfileAsync(new TeacherProfile(
            "王芳", ["math"], "北京市特级教师", "北京市第四中学", "西城区",
            "教龄三十五年，擅长把应用题讲成解谜游戏。", 35));
        var lesson = client.GetGrain<IClassroomGrain>(LessonId);
        try
        {
            await lesson.ScheduleAsync(TeacherName, new CoursePreview(
                "一元一次方程解应用题", "math", 8, CourseType.Textbook,
                "周末直播课：从读题到列方程，一步一步来。",
                NextSaturdayAfternoon(), TimeSpan.FromHours(1), TeacherName));
        }
        catch (ClassroomStateException)
        {
            // Already scheduled by an earlier run.
        }

        await DemoQuestions.SeedAsync(client);
        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EnsureAccountAsync(AccountService accounts, string name, string password, string displayName, AccountKind kind)
    {
        try
        {
            await accounts.RegisterAsync(name, password, displayName, kind);
        }
        catch (ClassroomStateException)
        {
            // The name is taken: seeded by an earlier run.
        }
    }

    private DateTimeOffset NextSaturdayAfternoon()
    {
        var beijing = TimeSpan.FromHours(8);
        var today = time.GetUtcNow().ToOffset(beijing).Date;
        var saturday = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7);
        return new DateTimeOffset(saturday.AddHours(14.5), beijing);
    }

    private void PrintBanner()
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Ready(logger, string.Join(", ", addresses), TeacherName, TeacherPassword, string.Join(", ", StudentNames), StudentPassword, LessonId,
            options.Value.Operators.Contains(OperatorName) ? $" Operator (Orleans dashboard at /dashboard): {OperatorName} / {OperatorPassword}." : "");
    }

    [LoggerMessage(1, LogLevel.Information,
        "Classroom gateway listening on {Addresses} (hub: /hubs/classroom, API: /api, OpenAPI: /openapi/v1.json). " +
        "Demo teacher: {Teacher} / {TeacherPassword}. Demo students: {Students} / {StudentPassword}. Demo lesson: {LessonId}.{Operator}")]
    private static partial void Ready(ILogger logger, string addresses, string teacher, string teacherPassword, string students, string studentPassword, string lessonId, string @operator);
}
