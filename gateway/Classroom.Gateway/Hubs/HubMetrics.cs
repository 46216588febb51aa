using System.Diagnostics.Metrics;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// What the hub counts instead of logging: refusals are expected outcomes (a muted student chatting, a flood hitting its
/// rate limit), so they are a number per code to watch, not a log line each. Meter <c>Classroom.Gateway</c>.
/// </summary>
internal sealed class HubMetrics
{
    public const string MeterName = "Classroom.Gateway";

    private readonly Counter<long> _refusals;
    private readonly Counter<long> _failures;

    public HubMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _refusals = Meter.CreateCounter<long>("classroom.hub.refusals", description: "Hub calls refused by a rule or a rate limit, by refusal code.");
        _failures = Meter.CreateCounter<long>("classroom.hub.failures", description: "Hub calls that failed unexpectedly, by method.");
    }

    public Meter Meter { get; }

    public void Refused(string code) => _refusals.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Failed(string method) => _failures.Add(1, new KeyValuePair<string, object?>("method", method));
}
