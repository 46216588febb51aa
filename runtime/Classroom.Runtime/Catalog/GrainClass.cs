using System.Reflection;
using Classroom.Runtime.Concurrency;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Runtime.Catalog;

/// <summary>
/// A hosted grain class: its grain type name, its interleaving and how to construct it. The constructor plan is
/// worked out once per class; constructing an activation then resolves each parameter without further reflection.
/// </summary>
internal sealed class GrainClass
{
    private readonly ConstructorInfo _constructor;
    private readonly Func<IServiceProvider, Activation, object?>[] _parameters;

    public GrainClass(Type type)
    {
        Type = type;
        Name = type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(type);
        IsReentrant = type.IsDefined(typeof(ReentrantAttribute), inherit: false);
        _constructor = type.GetConstructors().OrderByDescending(static c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {type.Name} has no public constructor.");
        _parameters = _constructor.GetParameters().Select(p => PlanParameter(type, p)).ToArray();
    }

    public Type Type { get; }

    public string Name { get; }

    public bool IsReentrant { get; }

    public Grain Create(IServiceProvider services, Activation activation)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = _parameters[i](services, activation);
        }

        try
        {
            return (Grain)_constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The grain's constructor threw: its exception, not the reflection wrapper, is what callers should see.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static string DefaultName(Type type)
    {
        var name = type.Name;
        return (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5 ? name[..^5] : name).ToLowerInvariant();
    }

    private static Func<IServiceProvider, Activation, object?> PlanParameter(Type grainType, ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {grainType.Name} is marked [PersistentState] but is not an IPersistentState<T>.");
            }

            var create = typeof(GrainClass).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<IServiceProvider, Activation, PersistentStateAttribute, object>>();
            return (services, activation) => create(services, activation, state);
        }

        if (parameter.GetCustomAttribute<EventLogAttribute>() is { } log)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IEventLog<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {grainType.Name} is marked [EventLog] but is not an IEventLog<T>.");
            }

            var create = typeof(GrainClass).GetMethod(nameof(CreateLog), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<IServiceProvider, Activation, EventLogAttribute, object>>();
            return (services, activation) => create(services, activation, log);
        }

        if (parameter.GetCustomAttribute<EventLogReaderAttribute>() is { } reader)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IEventLogReader<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {grainType.Name} is marked [EventLogReader] but is not an IEventLogReader<T>.");
            }

            var create = typeof(GrainClass).GetMethod(nameof(CreateReader), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<IServiceProvider, Activation, EventLogReaderAttribute, object>>();
            return (services, activation) => create(services, activation, reader);
        }

        var serviceType = parameter.ParameterType;
        return (services, _) => services.GetService(serviceType)
            ?? (parameter.HasDefaultValue
                ? parameter.DefaultValue
                : throw new InvalidOperationException(
                    $"Cannot create grain {grainType.Name}: no service of type {serviceType.Name} is registered for its parameter '{parameter.Name}'."));
    }

    private static object CreateLog<TEvent>(IServiceProvider services, Activation activation, EventLogAttribute attribute)
    {
        var storage = LogStorage(services, activation.GrainId, attribute.LogName, attribute.StorageName);
        return new EventLog<TEvent>(activation.GrainId, attribute.LogName, storage, activation.Runtime.Serializer);
    }

    private static IEventLogStorage LogStorage(IServiceProvider services, GrainId owner, string logName, string storageName) =>
        services.GetKeyedService<IEventLogStorage>(storageName)
            ?? throw new InvalidOperationException(
                $"Grain {owner}'s event log '{logName}' is asked for in storage '{storageName}', " +
                "but no event log storage of that name is registered (AddMemoryEventLogStorage / AddSqliteEventLogStorage).");

    private static object CreateReader<TEvent>(IServiceProvider services, Activation activation, EventLogReaderAttribute attribute)
    {
        var owner = new GrainId(attribute.GrainType, activation.GrainId.Key);
        return new EventLogReader<TEvent>(owner, attribute.LogName, LogStorage(services, owner, attribute.LogName, attribute.StorageName), activation.Runtime.Serializer);
    }

    private static object CreateState<TState>(IServiceProvider services, Activation activation, PersistentStateAttribute attribute)
    {
        var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException(
                $"Grain {activation.GrainId} asks for state '{attribute.StateName}' in storage '{attribute.StorageName}', " +
                "but no grain storage of that name is registered (AddMemoryGrainStorage / AddSqliteGrainStorage).");
        var state = new PersistentState<TState>(activation.GrainId, attribute.StateName, storage, activation.Runtime.Serializer);
        activation.AddState(state);
        return state;
    }
}
