using Classroom.Contracts.Errors;
using Classroom.Contracts.MicroLessons;
using Classroom.Contracts.Questions;
using Classroom.Gateway.Api;
using Classroom.Gateway.Questions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Classroom.Gateway.MicroLessons;

/// <summary>
/// Micro-lessons over HTTP: a teacher cuts one from a recorded lesson of theirs; everyone signed in browses them by
/// subject, grade and knowledge point (or a teacher's), and opens one; its teacher or an administrator deletes it.
/// Watching goes through the hub (<c>OpenMicroLesson</c>), as replays do. The grains decide who may do what.
/// </summary>
public static class MicroLessonEndpoints
{
    public static IEndpointRouteBuilder MapMicroLessonEndpoints(this IEndpointRouteBuilder app)
    {
        var micro = app.MapGroup("/api/micro-lessons").WithTags("Micro-lessons").RequireAuthorization();
        var writes = micro.MapGroup("").RequireRateLimiting(QaWriteLimit.Policy);
        writes.MapPost("", CreateAsync);
        micro.MapGet("", ListAsync);
        micro.MapGet("/{id}", (string id, IClusterClient client) => client.GetMicroLesson(id).GetAsync());
        writes.MapDelete("/{id}", async (string id, HttpContext context, IClusterClient client) =>
        {
            await client.GetMicroLesson(id).DeleteAsync(QaCallers.From(context.User));
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<Created<MicroLessonView>> CreateAsync(MicroLessonDraft draft, HttpContext context, IClusterClient client)
    {
        var made = await client.GetGrain<IMicroLessonGrain>(MicroLessonIds.New()).CreateAsync(QaCallers.From(context.User), draft);
        return TypedResults.Created($"/api/micro-lessons/{made.MicroLessonId}", made);
    }

    /// <summary>
    /// A subject's micro-lessons, or a teacher's (<c>teacher=</c>), newest first; with neither, every subject's, merged.
    /// <c>grade</c> and <c>knowledgePoint</c> narrow them; at most <c>limit</c> (100; 500 at most).
    /// </summary>
    private static async Task<IReadOnlyList<MicroLessonView>> ListAsync(
        IClusterClient client, string? subject, string? teacher, int? grade, string? knowledgePoint, int? limit)
    {
        if (subject is { Length: > 0 } && !QaSubjects.IsKnown(subject))
        {
            throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject);
        }

        var query = new MicroLessonQuery(grade, knowledgePoint, Math.Clamp(limit ?? 100, 1, 500), subject is { Length: > 0 } ? subject : null);
        string[] keys = teacher is { Length: > 0 } ? [IMicroLessonListGrain.OfTeacher(teacher)]
            : subject is { Length: > 0 } ? [IMicroLessonListGrain.OfSubject(subject)]
            : [.. QaSubjects.All.Select(IMicroLessonListGrain.OfSubject)];
        var lists = await Task.WhenAll(keys.Select(key => client.GetGrain<IMicroLessonListGrain>(key).ListAsync(query)));
        return [.. lists.SelectMany(list => list)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.MicroLessonId, StringComparer.Ordinal).Take(query.Limit)];
    }
}
