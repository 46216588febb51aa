using System.Text.Json;
using System.Text.Json.Serialization;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Hubs;
using Classroom.Gateway.Photos;
using Classroom.Gateway.Replay;

namespace Classroom.Gateway.Serialization;

/// <summary>Source-generated JSON metadata for the gateway's own request and response types (camelCase on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(Questions.AdoptRequest))]
[JsonSerializable(typeof(Questions.QaRatingRequest))]
[JsonSerializable(typeof(Questions.FollowUpRequest))]
[JsonSerializable(typeof(Questions.ReportRequest))]
[JsonSerializable(typeof(Questions.HiddenRequest))]
[JsonSerializable(typeof(Questions.KnowledgePointRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(GuestRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ScheduleRequest))]
[JsonSerializable(typeof(RatingRequest))]
[JsonSerializable(typeof(ReplayPosition))]
[JsonSerializable(typeof(ReplayOpened))]
[JsonSerializable(typeof(MicroLessonOpened))]
[JsonSerializable(typeof(ReplayEvents))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(JoinResponse))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(PageSettings))]
[JsonSerializable(typeof(PhotoUploaded))]
[JsonSerializable(typeof(Slides.SlidesUploaded))]
[JsonSerializable(typeof(Media.MediaSegmentUploaded))]
[JsonSerializable(typeof(Media.MediaLag))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;

/// <summary>What /health answers.</summary>
public sealed record HealthReport(string Status, int Connections, int Classrooms);
