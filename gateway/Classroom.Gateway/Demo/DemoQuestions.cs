using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;

namespace Classroom.Gateway.Demo;

/// <summary>
/// The Q&amp;A centre's demo content: a word problem answered step by step, adopted and rated; two questions still
/// waiting (one in the demo teacher's subject, so her queue is not empty). Fixed ids: seeding again changes nothing.
/// </summary>
internal static class DemoQuestions
{
    public static async Task SeedAsync(IClusterClient client)
    {
        var teacher = new QaCaller(DemoSeeder.TeacherName, "王芳", AccountKind.Teacher);
        var students = DemoSeeder.StudentNames.Select((name, i) => new QaCaller(name, $"演示学生{i + 1}", AccountKind.Student)).ToArray();

        var linear = client.GetGrain<IQuestionGrain>("demo-q-linear");
        if (await AskAsync(linear, students[0], new QuestionDraft(
            "math", 7, ["math.linear-equation-one-variable"], "一元一次方程应用题：相遇问题怎么列方程？",
            "甲、乙两人分别从 A、B 两地同时出发，相向而行。甲每小时走 5 千米，乙每小时走 4 千米，3 小时后两人相遇。A、B 两地相距多少千米？", [])))
        {
            var answerId = await linear.AnswerAsync(teacher, new AnswerDraft(
                "相遇问题的等量关系：甲走的路程 + 乙走的路程 = 两地的距离。两人同时出发、同时相遇，所用时间相同。",
                ["设 A、B 两地相距 x 千米。", "甲 3 小时走 5 × 3 = 15 千米，乙 3 小时走 4 × 3 = 12 千米。", "列方程：x = 15 + 12。", "解得 x = 27。"],
                "A、B 两地相距 27 千米。", [new ResourceLink(DemoSeeder.LessonId, "一元一次方程解应用题", 600_000)]));
            await linear.FollowUpAsync(students[0], answerId, "如果乙晚出发 1 小时，方程要怎么改？");
            await linear.FollowUpAsync(teacher, answerId, "乙少走 1 小时：5 × 3 + 4 × (3 − 1) = x，再解一次试试。");
            await linear.AdoptAsync(students[0], answerId);
            await linear.RateAsync(students[0], 5);
        }

        await AskAsync(client.GetGrain<IQuestionGrain>("demo-q-quadratic"), students[2], new QuestionDraft(
            "math", 9, ["math.quadratic-functions"], "二次函数 y = x² − 4x + 3 的顶点坐标怎么求？",
            "老师讲了配方法，我配出来是 (x − 2)² − 1，但是不知道顶点坐标和对称轴怎么从这里读出来。", []));
        await AskAsync(client.GetGrain<IQuestionGrain>("demo-q-buoyancy"), students[1], new QuestionDraft(
            "physics", 8, ["physics.buoyancy"], "为什么铁块在水里会沉下去，铁做的轮船却能浮起来？",
            "铁的密度比水大，所以铁块会沉。可是轮船也是铁做的，为什么能浮在水面上？", []));
    }

    /// <summary>Asks the question; false when an earlier run asked it already.</summary>
    private static async Task<bool> AskAsync(IQuestionGrain question, QaCaller student, QuestionDraft draft)
    {
        try
        {
            await question.AskAsync(student, draft);
            return true;
        }
        catch (ClassroomStateException)
        {
            return false;
        }
    }
}
