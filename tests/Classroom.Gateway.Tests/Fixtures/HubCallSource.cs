using System.Text.Json.Nodes;

namespace Classroom.Gateway.Tests.Fixtures;

/// <summary>A hub connection whose server calls a test reads in order (the official client, or a raw socket).</summary>
public interface IHubCallSource
{
    /// <summary>The next call the server made to this connection (<c>events</c>, <c>resync</c> or <c>replay</c>).</summary>
    Task<(string Target, JsonArray Arguments)> NextCallAsync();
}

/// <summary>Reading <c>events</c> frames, whichever the connection.</summary>
public static class HubCallSourceExtensions
{
    /// <summary>Collects <c>events</c> frames until one covers <paramref name="seq"/>; returns the events, in order.</summary>
    public static async Task<List<JsonNode>> EventsThroughAsync(this IHubCallSource connection, long seq)
    {
        var events = new List<JsonNode>();
        while (true)
        {
            var (target, arguments) = await connection.NextCallAsync();
            if (target != "events")
            {
                throw new InvalidOperationException($"Expected events, got {target}({arguments.ToJsonString()})");
            }

            events.AddRange(arguments[0]!.AsArray().Select(e => e!.DeepClone()));
            if (arguments[1]!.GetValue<long>() >= seq)
            {
                return events;
            }
        }
    }
}
