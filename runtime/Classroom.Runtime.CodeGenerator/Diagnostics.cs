using Microsoft.CodeAnalysis;

namespace Classroom.Runtime.CodeGenerator;

internal static class Diagnostics
{
    private const string Category = "Classroom.Runtime";

    public static readonly DiagnosticDescriptor NotAsync = new(
        "CRG001", "Grain method must be asynchronous",
        "Grain method '{0}.{1}' must return Task, Task<T>, ValueTask or ValueTask<T>: every grain call is asynchronous",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ByRefParameter = new(
        "CRG002", "Grain method parameters are passed by value",
        "Grain method '{0}.{1}' has a ref, out or in parameter '{2}': arguments cross a serialization boundary and cannot be passed by reference",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Generic = new(
        "CRG003", "Generic grain interfaces and methods are not supported",
        "'{0}' is generic: grain interfaces and their methods cannot be generic",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotAMethod = new(
        "CRG004", "Grain interfaces declare only methods",
        "Grain interface '{0}' declares '{1}', which is not a method: grain interfaces carry only asynchronous methods",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
