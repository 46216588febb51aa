namespace Classroom.Runtime.Streams;

/// <summary>A stream provider to create when the runtime starts.</summary>
internal sealed record StreamProviderRegistration(string Name, Func<string, GrainRuntime, IStreamProvider> Create);
