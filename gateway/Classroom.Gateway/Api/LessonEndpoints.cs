using Classroom.Contracts.Catalog;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Classroom.Gateway.Api;

/// <summary>The schedule and each lesson: browse, schedule (teachers), register and rate (students), details with the live snapshot.</summary>
public static class LessonEndpoints
{
    public static IEndpointRouteBuilder MapLessonEndpoints(this IEndpointRouteBuilder app)
    {
        var lessons = app.MapGroup("/api/lessons").WithTags("Lessons").RequireAuthorization();
        lessons.MapGet("/", ListAsync);
        lessons.MapPost("/", ScheduleAsync).RequireAuthorization(Policies.Teacher);
        lessons.MapGet("/{id}", DetailsAsync);
        lessons.MapPut("/{id}/preview", EditAsync).RequireAuthorization(Policies.Teacher);
        lessons.MapPost("/{id}/registration", (string id, HttpContext context, IClusterClient client) =>
            Classroom(client, id).RegisterAsync(CurrentUser.From(context.User).UserId)).RequireAuthorization(Policies.Student);
        lessons.MapDelete("/{id}/registration", (string id, HttpContext context, IClusterClient client) =>
            Classroom(client, id).CancelRegistrationAsync(CurrentUser.From(context.User).UserId)).RequireAuthorization(Policies.Student);
        lessons.MapPost("/{id}/rating", (string id, RatingRequest rating, HttpContext context, IClusterClient client) =>
            Classroom(client, id).RateAsync(CurrentUser.From(context.User).UserId, rating.Stars, rating.Tags ?? [])).RequireAuthorization(Policies.Student);
        return app;
    }

    private static Task<IReadOnlyList<LessonListing>> ListAsync(string? subject, DateTimeOffset? from, DateTimeOffset? to, int? limit, IClusterClient client)
    {
        if (from > to)
        {
            throw new ClassroomValidationException(Refusals.LessonDatesOrder);
        }

        return client.GetGrain<ILessonCatalogGrain>(ILessonCatalogGrain.Key).ListAsync(new LessonQuery(subject, from, to, limit ?? 100));
    }

    private static async Task<Created<ClassroomSnapshot>> ScheduleAsync(ScheduleRequest request, HttpContext context, IClusterClient client)
    {
        var user = CurrentUser.From(context.User);
        var id = NewId(request.Title);
        var snapshot = await Classroom(client, id).ScheduleAsync(user.UserId, request.ToPreview(user.UserId));
        return TypedResults.Created($"/api/lessons/{id}", snapshot);
    }

    private static Task<ClassroomSnapshot> EditAsync(string id, ScheduleRequest request, HttpContext context, IClusterClient client)
    {
        var user = CurrentUser.From(context.User);
        return Classroom(client, id).EditPreviewAsync(user.UserId, request.ToPreview(user.UserId));
    }

    private static Task<ClassroomSnapshot> DetailsAsync(string id, HttpContext context, IClusterClient client) =>
        Classroom(client, id).GetSnapshotAsync(CurrentUser.From(context.User).UserId);

    private static IClassroomGrain Classroom(IClusterClient client, string id) => client.GetClassroom(id);

    /// <summary>A readable, unique id: a slug of the title and a random suffix.</summary>
    private static string NewId(string? title)
    {
        var slug = new string((title ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{(slug.Length > 40 ? slug[..40].TrimEnd('-') : slug)}-{Guid.NewGuid().ToString("N")[..8]}".TrimStart('-');
    }
}

/// <summary>A course preview as a teacher submits it; the teacher is the caller.</summary>
public sealed record ScheduleRequest(
    string Title, string Subject, int Grade, CourseType CourseType, string? Description, DateTimeOffset StartsAt, TimeSpan Duration,
    string? MediaUrl = null, int? Capacity = null)
{
    public CoursePreview ToPreview(string teacherId) =>
        new(Title, Subject, Grade, CourseType, Description ?? "", StartsAt, Duration, teacherId, MediaUrl, Capacity);
}

/// <summary>A student's rating of a lesson.</summary>
public sealed record RatingRequest(int Stars, IReadOnlyList<string>? Tags);
