using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Classroom.Runtime.CodeGenerator;

/// <summary>What the generator needs to know of one grain interface.</summary>
internal sealed class GrainInterfaceModel
{
    public GrainInterfaceModel(string fullName, string metadataName, List<GrainMethodModel> methods, List<Diagnostic> diagnostics)
    {
        FullName = fullName;
        MetadataName = metadataName;
        Methods = methods;
        Diagnostics = diagnostics;
    }

    /// <summary>Fully qualified, with <c>global::</c>.</summary>
    public string FullName { get; }

    /// <summary>Namespace and name, for generated type names.</summary>
    public string MetadataName { get; }

    public List<GrainMethodModel> Methods { get; }

    public List<Diagnostic> Diagnostics { get; }
}

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

internal sealed class GrainMethodModel
{
    public GrainMethodModel(string declaringInterface, string name, string key, ReturnKind returnKind, string returnType,
        string resultType, List<string> parameterTypes, string options)
    {
        DeclaringInterface = declaringInterface;
        Name = name;
        Key = key;
        ReturnKind = returnKind;
        ReturnType = returnType;
        ResultType = resultType;
        ParameterTypes = parameterTypes;
        Options = options;
    }

    public string DeclaringInterface { get; }
    public string Name { get; }
    public string Key { get; }
    public ReturnKind ReturnKind { get; }
    public string ReturnType { get; }
    public string ResultType { get; }
    public List<string> ParameterTypes { get; }
    public string Options { get; }
}
