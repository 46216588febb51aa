using Classroom.Silo.Extensions;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddClassroomSilo();
await builder.Build().RunAsync();
