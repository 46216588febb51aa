using Classroom.Contracts.Errors;
using Classroom.Contracts.Questions;
using Classroom.Gateway.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Classroom.Gateway.Questions;

/// <summary>
/// The Q&amp;A centre over HTTP: ask (students), answer (teachers), adopt, rate, follow up, close, report, hide
/// (administrators), the subject queues, one's own questions, and search. Every action answers with the question as
/// the caller now sees it, so a page shows the result without asking again. Who may do what is decided by the grains
/// (or here, for the lists), never by a route policy, so a refusal always carries its code and sentence.
/// </summary>
public static class QaEndpoints
{
    public static IEndpointRouteBuilder MapQaEndpoints(this IEndpointRouteBuilder app)
    {
        var qa = app.MapGroup("/api/qa").WithTags("Q&A").RequireAuthorization();
        var writes = qa.MapGroup("").RequireRateLimiting(QaWriteLimit.Policy);
        writes.MapPost("/questions", AskAsync);
        qa.MapGet("/questions/{id}", (string id, HttpContext context, IClusterClient client) =>
            client.GetQuestion(id).GetAsync(QaCallers.From(context.User)));
        writes.MapPost("/questions/{id}/answers", AnswerAsync);
        writes.MapPost("/questions/{id}/adoption", (string id, AdoptRequest request, HttpContext context, IClusterClient client) =>
            ActAsync(client, id, context, (q, caller) => q.AdoptAsync(caller, request.AnswerId)));
        writes.MapPost("/questions/{id}/rating", (string id, QaRatingRequest request, HttpContext context, IClusterClient client) =>
            ActAsync(client, id, context, (q, caller) => q.RateAsync(caller, request.Stars)));
        writes.MapPost("/questions/{id}/answers/{answerId}/follow-ups", (string id, string answerId, FollowUpRequest request, HttpContext context, IClusterClient client) =>
            ActAsync(client, id, context, (q, caller) => q.FollowUpAsync(caller, answerId, request.Text)));
        writes.MapPost("/questions/{id}/closing", (string id, HttpContext context, IClusterClient client) =>
            ActAsync(client, id, context, (q, caller) => q.CloseAsync(caller)));
        writes.MapPost("/questions/{id}/reports", (string id, ReportRequest request, HttpContext context, IClusterClient client) =>
            ActAsync(client, id, context, (q, caller) => q.ReportAsync(caller, request.Reason)));
        writes.MapPut("/questions/{id}/hidden", (string id, HiddenRequest request, HttpContext context, IClusterClient client) =>
            ActAsync(client, id, context, (q, caller) => q.SetHiddenAsync(caller, request.Hidden)));
        qa.MapGet("/queue/{subject}", QueueAsync);
        qa.MapGet("/mine", (HttpContext context, IClusterClient client, int? limit) =>
            client.GetGrain<IQuestionListGrain>(IQuestionListGrain.OfUser(CurrentUser.From(context.User).UserId))
                .ListAsync(new QuestionListQuery(Limit: limit ?? 100)));
        qa.MapGet("/reported", (HttpContext context, IClusterClient client) =>
        {
            if (!QaCallers.From(context.User).IsAdministrator)
            {
                throw new ClassroomPermissionException(Refusals.QaAdministratorsOnly);
            }

            return client.GetGrain<IQuestionListGrain>(IQuestionListGrain.Reported).ListAsync(new QuestionListQuery(LongestWaitingFirst: true));
        });
        qa.MapGet("/search", QaSearch.SearchAsync);
        qa.MapGet("/subjects", (IClusterClient client) => client.GetGrain<IKnowledgePointCatalogGrain>(IKnowledgePointCatalogGrain.Key).GetAsync());
        writes.MapPost("/knowledge-points", async (KnowledgePointRequest request, HttpContext context, IClusterClient client) =>
        {
            var point = await client.GetGrain<IKnowledgePointCatalogGrain>(IKnowledgePointCatalogGrain.Key)
                .AddAsync(QaCallers.From(context.User), request.Subject, request.Zh, request.En ?? "");
            return TypedResults.Created($"/api/qa/subjects#{point.Id}", point);
        });
        return app;
    }

    private static async Task<Created<QuestionView>> AskAsync(QuestionDraft draft, HttpContext context, IClusterClient client)
    {
        var id = QaCallers.NewQuestionId();
        var view = await client.GetQuestion(id).AskAsync(QaCallers.From(context.User), draft);
        return TypedResults.Created($"/api/qa/questions/{id}", view);
    }

    private static async Task<Created<QuestionView>> AnswerAsync(string id, AnswerDraft answer, HttpContext context, IClusterClient client)
    {
        var question = client.GetQuestion(id);
        var caller = QaCallers.From(context.User);
        var answerId = await question.AnswerAsync(caller, answer);
        return TypedResults.Created($"/api/qa/questions/{id}#{answerId}", await question.GetAsync(caller));
    }

    private static async Task<QuestionView> ActAsync(IClusterClient client, string id, HttpContext context, Func<IQuestionGrain, QaCaller, Task> act)
    {
        var question = client.GetQuestion(id);
        var caller = QaCallers.From(context.User);
        await act(question, caller);
        return await question.GetAsync(caller);
    }

    private static Task<IReadOnlyList<QuestionSummary>> QueueAsync(
        string subject, string? order, int? grade, string? knowledgePoint, int? limit, HttpContext context, IClusterClient client)
    {
        var caller = QaCallers.From(context.User);
        if (caller.Kind != Contracts.Classrooms.AccountKind.Teacher && !caller.IsAdministrator)
        {
            throw new ClassroomPermissionException(Refusals.QaTeachersAnswer);
        }

        if (!QaSubjects.IsKnown(subject))
        {
            throw new ClassroomValidationException(Refusals.QaSubjectUnknown, subject);
        }

        return client.GetGrain<IQuestionListGrain>(IQuestionListGrain.Queue(subject))
            .ListAsync(new QuestionListQuery(order == "waiting", grade, knowledgePoint, limit ?? 100));
    }
}

/// <summary>Which answer the author adopts.</summary>
public sealed record AdoptRequest(string AnswerId);

/// <summary>The author's stars for the adopted answer.</summary>
public sealed record QaRatingRequest(int Stars);

/// <summary>A follow-up's text.</summary>
public sealed record FollowUpRequest(string Text);

/// <summary>Why a question is reported.</summary>
public sealed record ReportRequest(string Reason);

/// <summary>A knowledge point an administrator adds: its subject, Chinese name and (optional) English name.</summary>
public sealed record KnowledgePointRequest(string Subject, string Zh, string? En);

/// <summary>Hide a question, or show it again.</summary>
public sealed record HiddenRequest(bool Hidden);
