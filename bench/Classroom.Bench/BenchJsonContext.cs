using System.Text.Json.Serialization;
using Classroom.Bench.Calls;

namespace Classroom.Bench;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CallsResult))]
[JsonSerializable(typeof(Votes.VotesResult))]
[JsonSerializable(typeof(Fanout.FanoutResult))]
[JsonSerializable(typeof(Replay.ReplayResult))]
[JsonSerializable(typeof(Qa.QaResult))]
[JsonSerializable(typeof(Media.MediaResult))]
[JsonSerializable(typeof(Cluster.ClusterCallsResult))]
[JsonSerializable(typeof(Cluster.FailoverResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
