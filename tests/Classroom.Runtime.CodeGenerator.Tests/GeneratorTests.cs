using System.Collections.Immutable;
using Classroom.Runtime.CodeGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Classroom.Runtime.CodeGenerator.Tests;

public sealed class GeneratorTests
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(IGrain).Assembly.Location),
    ];

    private static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compilation, string[] Files) Run(string source)
    {
        var compilation = CSharpCompilation.Create("Sample", [CSharpSyntaxTree.ParseText(source)], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new GrainCodeGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var files = driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToArray();
        return (diagnostics, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(), files);
    }

    [Fact]
    public void A_grain_interface_gets_a_proxy_and_a_registration_that_compile()
    {
        var (generator, compilation, files) = Run("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Classroom.Runtime;
            using Classroom.Runtime.Concurrency;
            namespace Sample;
            public interface IBase : IGrainWithStringKey { Task PingAsync(); }
            public interface ISample : IBase
            {
                Task<int> AddAsync(int a, int b);
                ValueTask<string?> FindAsync(string? name, IReadOnlyList<int> values);
                [ReadOnly] ValueTask ReadAsync();
                [AlwaysInterleave] Task<bool> AddAsync(long a);
            }
            """);

        Assert.Empty(generator);
        Assert.Empty(compilation);
        Assert.Contains("Sample_ISample.GrainCode.g.cs", files);
        Assert.Contains("Sample_IBase.GrainCode.g.cs", files);
        Assert.Contains("GrainCodeProvider.g.cs", files);
    }

    [Theory]
    [InlineData("int Add(int a);", "CRG001")]
    [InlineData("Task AddAsync(ref int a);", "CRG002")]
    [InlineData("Task AddAsync<T>(T a);", "CRG003")]
    [InlineData("int Count { get; }", "CRG004")]
    public void A_grain_interface_that_cannot_work_is_a_compile_error(string member, string id)
    {
        var (generator, _, files) = Run($$"""
            using System.Threading.Tasks;
            using Classroom.Runtime;
            namespace Sample;
            public interface IBad : IGrainWithStringKey { {{member}} }
            """);

        var diagnostic = Assert.Single(generator);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotContain("Sample_IBad.GrainCode.g.cs", files);
    }

    [Fact]
    public void Interfaces_that_are_not_grain_interfaces_are_left_alone()
    {
        var (generator, _, files) = Run("""
            using System.Threading.Tasks;
            namespace Sample;
            public interface IService : System.IDisposable { int Count(); }
            """);

        Assert.Empty(generator);
        Assert.Empty(files);
    }
}
