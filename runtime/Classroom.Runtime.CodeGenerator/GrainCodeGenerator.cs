using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Classroom.Runtime.CodeGenerator;

/// <summary>
/// For every interface of the compilation that extends <c>Classroom.Runtime.IGrain</c>, generates a proxy and one
/// request type per method, and registers them for the runtime through an assembly attribute. No reflection is
/// needed on the call path.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainCodeGenerator : IIncrementalGenerator
{
    private const string GrainMarker = "Classroom.Runtime.IGrain";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, ct) => Describe(syntax, ct))
            .Where(static model => model is not null)
            .Collect()
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Assembly"));

        context.RegisterSourceOutput(interfaces, static (output, input) => Emit(output, input.Left!, input.Right));
    }

    private static GrainInterfaceModel? Describe(GeneratorSyntaxContext syntax, CancellationToken cancellationToken)
    {
        if (syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is not INamedTypeSymbol symbol
            || !IsGrainInterface(symbol))
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var location = syntax.Node.GetLocation();
        if (symbol.IsGenericType)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.Generic, location, symbol.Name));
        }

        var methods = new List<GrainMethodModel>();
        foreach (var declaring in new[] { symbol }.Concat(symbol.AllInterfaces.Where(IsGrainInterface)))
        {
            foreach (var member in declaring.GetMembers())
            {
                DescribeMember(declaring, member, location, methods, diagnostics);
            }
        }

        var metadataName = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        return new GrainInterfaceModel(symbol.ToDisplayString(TypeFormat), metadataName, methods, diagnostics);
    }

    private static void DescribeMember(INamedTypeSymbol declaring, ISymbol member, Location location,
        List<GrainMethodModel> methods, List<Diagnostic> diagnostics)
    {
        if (member.IsStatic || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary } || !member.IsAbstract)
        {
            return;
        }

        if (member is not IMethodSymbol method)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.NotAMethod, location, declaring.Name, member.Name));
            return;
        }

        if (method.IsGenericMethod)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.Generic, location, $"{declaring.Name}.{method.Name}"));
            return;
        }

        foreach (var parameter in method.Parameters.Where(static p => p.RefKind != RefKind.None))
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.ByRefParameter, location, declaring.Name, method.Name, parameter.Name));
            return;
        }

        if (!TryClassifyReturn(method.ReturnType, out var kind, out var resultType))
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.NotAsync, location, declaring.Name, method.Name));
            return;
        }

        var parameterTypes = method.Parameters.Select(static p => p.Type.ToDisplayString(TypeFormat)).ToList();
        var key = $"{declaring.ToDisplayString()}.{method.Name}({string.Join(",", method.Parameters.Select(static p => p.Type.ToDisplayString()))})";
        methods.Add(new GrainMethodModel(declaring.ToDisplayString(TypeFormat), method.Name, key, kind,
            method.ReturnType.ToDisplayString(TypeFormat), resultType, parameterTypes, Options(method)));
    }

    private static string Options(IMethodSymbol method)
    {
        var names = method.GetAttributes().Select(static a => a.AttributeClass?.ToDisplayString()).ToList();
        var options = new List<string>();
        if (names.Contains("Classroom.Runtime.Concurrency.AlwaysInterleaveAttribute"))
        {
            options.Add("global::Classroom.Runtime.Invocation.GrainMethodOptions.AlwaysInterleave");
        }

        if (names.Contains("Classroom.Runtime.Concurrency.ReadOnlyAttribute"))
        {
            options.Add("global::Classroom.Runtime.Invocation.GrainMethodOptions.ReadOnly");
        }

        return options.Count == 0 ? "global::Classroom.Runtime.Invocation.GrainMethodOptions.None" : string.Join(" | ", options);
    }

    private static bool TryClassifyReturn(ITypeSymbol type, out ReturnKind kind, out string resultType)
    {
        kind = ReturnKind.Task;
        resultType = "global::Classroom.Runtime.Invocation.VoidResult";
        if (type is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks")
        {
            return false;
        }

        switch (named.Name)
        {
            case "Task" when named.Arity == 0:
                kind = ReturnKind.Task;
                return true;
            case "ValueTask" when named.Arity == 0:
                kind = ReturnKind.ValueTask;
                return true;
            case "Task" when named.Arity == 1:
                kind = ReturnKind.TaskOfT;
                resultType = named.TypeArguments[0].ToDisplayString(TypeFormat);
                return true;
            case "ValueTask" when named.Arity == 1:
                kind = ReturnKind.ValueTaskOfT;
                resultType = named.TypeArguments[0].ToDisplayString(TypeFormat);
                return true;
            default:
                return false;
        }
    }

    private static bool IsGrainInterface(INamedTypeSymbol symbol) =>
        symbol.TypeKind == TypeKind.Interface
        && symbol.ToDisplayString() != GrainMarker
        && symbol.AllInterfaces.Any(static i => i.ToDisplayString() == GrainMarker)
        && symbol.ContainingNamespace?.ToDisplayString() != "Classroom.Runtime";

    private static void Emit(SourceProductionContext output, ImmutableArray<GrainInterfaceModel?> models, string assemblyName)
    {
        var unique = models
            .Where(static m => m is not null)
            .GroupBy(static m => m!.FullName)
            .Select(static g => g.First()!)
            .OrderBy(static m => m.FullName, System.StringComparer.Ordinal)
            .ToList();

        var valid = new List<GrainInterfaceModel>();
        foreach (var model in unique)
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic);
            }

            if (model.Diagnostics.Count == 0)
            {
                valid.Add(model);
                output.AddSource($"{Emitter.Sanitize(model.MetadataName)}.GrainCode.g.cs",
                    SourceText.From(Emitter.EmitInterface(model), Encoding.UTF8));
            }
        }

        if (valid.Count > 0)
        {
            output.AddSource("GrainCodeProvider.g.cs", SourceText.From(Emitter.EmitProvider(valid, assemblyName), Encoding.UTF8));
        }
    }
}
