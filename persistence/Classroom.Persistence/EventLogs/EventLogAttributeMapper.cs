using System.Reflection;
using Classroom.Persistence.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Persistence.EventLogs;

/// <summary>Maps <see cref="EventLogAttribute"/> parameters to logs of the activation being constructed.</summary>
internal sealed class EventLogAttributeMapper : IAttributeToFactoryMapper<EventLogAttribute>
{
    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, EventLogAttribute metadata)
    {
        var eventType = EventTypeOf(parameter, typeof(IEventLog<>), nameof(EventLogAttribute));
        var logType = typeof(EventLog<>).MakeGenericType(eventType);
        return context => Activator.CreateInstance(logType, context.GrainId, metadata.LogName,
            EventLogStorageOf(context, metadata.StorageName), context.ActivationServices.GetRequiredService<PersistenceJson>())!;
    }

    internal static Type EventTypeOf(ParameterInfo parameter, Type expected, string attribute) =>
        parameter.ParameterType.IsGenericType && parameter.ParameterType.GetGenericTypeDefinition() == expected
            ? parameter.ParameterType.GetGenericArguments()[0]
            : throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} is marked [{attribute}] but is a {parameter.ParameterType}, not a {expected.Name}.",
                parameter.Name);

    internal static IEventLogStorage EventLogStorageOf(IGrainContext context, string name) =>
        context.ActivationServices.GetKeyedService<IEventLogStorage>(name)
            ?? throw new InvalidOperationException($"No event log storage named '{name}' is registered (AddSqliteEventLogStorage, AddPostgreSqlEventLogStorage…).");
}

/// <summary>Maps <see cref="EventLogReaderAttribute"/> parameters to read access to another grain's log.</summary>
internal sealed class EventLogReaderAttributeMapper : IAttributeToFactoryMapper<EventLogReaderAttribute>
{
    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, EventLogReaderAttribute metadata)
    {
        var eventType = EventLogAttributeMapper.EventTypeOf(parameter, typeof(IEventLogReader<>), nameof(EventLogReaderAttribute));
        var readerType = typeof(EventLogReader<>).MakeGenericType(eventType);
        return context => Activator.CreateInstance(readerType, GrainId.Create(GrainType.Create(metadata.GrainType), context.GrainId.Key), metadata.LogName,
            EventLogAttributeMapper.EventLogStorageOf(context, metadata.StorageName), context.ActivationServices.GetRequiredService<PersistenceJson>())!;
    }
}
