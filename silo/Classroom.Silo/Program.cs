using Classroom.Silo.Extensions;
using Microsoft.Extensions.Hosting;

namespace Classroom.Silo;

// Not top-level statements: those generate a documented public Program class, which collides with the gateway's own in
// the OpenAPI document's XML comments (the gateway references this project).
internal static class Program
{
    private static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddClassroomSilo();
        await builder.Build().RunAsync();
    }
}
