using Classroom.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddClassroomGateway();
var app = builder.Build();
app.MapClassroomGateway();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
