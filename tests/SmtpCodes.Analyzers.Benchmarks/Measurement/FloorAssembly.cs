using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>
    /// Writes <see cref="Floor.BindingFloorAnalyzer"/> as an analyzer assembly a real build can load: its source and the
    /// sources of <c>src/SmtpCodes.Analyzers/Knowledge</c> it uses (embedded in this program when it is built), compiled
    /// against the Roslyn this program runs on (the SDK's compiler is the same version).
    /// </summary>
    internal static class FloorAssembly
    {
        private const string ResourcePrefix = "floor/";

        internal static string Write(string directory)
        {
            var program = typeof(FloorAssembly).Assembly;
            var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            var trees = new List<SyntaxTree>();
            foreach (var name in program.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
            {
                using var stream = program.GetManifestResourceStream(name)!;
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(stream), parse, name));
            }

            var references = new List<MetadataReference>();
            foreach (var assembly in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
            {
                var file = Path.GetFileName(assembly);
                if (file.StartsWith("System.", StringComparison.Ordinal) || file is "netstandard.dll" or "mscorlib.dll"
                    || file is "Microsoft.CodeAnalysis.dll" or "Microsoft.CodeAnalysis.CSharp.dll")
                {
                    references.Add(MetadataReference.CreateFromFile(assembly));
                }
            }

            var compilation = CSharpCompilation.Create(
                "SmtpCodes.Analyzers.BindingFloor",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
            var path = Path.Combine(directory, "SmtpCodes.Analyzers.BindingFloor.dll");
            var result = compilation.Emit(path);
            if (!result.Success)
            {
                throw new InvalidOperationException("The binding floor does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            if (trees.Count < 2)
            {
                throw new InvalidOperationException("The binding floor's sources are not embedded in this program.");
            }

            return path;
        }
    }
}
