using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>
    /// Analyzers that register a kind of action and do nothing in it: what the driver charges an analyzer's telemetry
    /// for the callbacks alone (<c>--probes</c>). The floor under any analyzer that registers the same actions.
    /// </summary>
    internal static class Probes
    {
        private static readonly DiagnosticDescriptor Descriptor = new(
            "PROBE00", "Probe", "Probe", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        internal static IEnumerable<MeasuredAnalyzer> All()
        {
            yield return Probe("probe:Binary", start => start.RegisterOperationAction(_ => { }, OperationKind.Binary));
            yield return Probe("probe:Conversion", start => start.RegisterOperationAction(_ => { }, OperationKind.Conversion));
            yield return Probe("probe:Invocation", start => start.RegisterOperationAction(_ => { }, OperationKind.Invocation));
            yield return Probe("probe:Switch+IsPattern", start => start.RegisterOperationAction(_ => { }, OperationKind.Switch, OperationKind.SwitchExpression, OperationKind.IsPattern));
            yield return Probe("probe:OperationBlockStart", start => start.RegisterOperationBlockStartAction(_ => { }));
            yield return Probe("probe:syntax Cast", start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.CastExpression));
            yield return Probe("probe:syntax ==/!=", start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression));
            yield return Probe("probe:syntax Invocation", start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression));
            yield return Probe("probe:syntax Switch+IsPattern", start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.SwitchStatement, SyntaxKind.SwitchExpression, SyntaxKind.IsPatternExpression));
            yield return Probe("probe:syntax ||/|/&&/&", start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.LogicalOrExpression, SyntaxKind.BitwiseOrExpression, SyntaxKind.LogicalAndExpression, SyntaxKind.BitwiseAndExpression));
            yield return Probe("probe:NumericLiteral", start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.NumericLiteralExpression));
            yield return Probe("probe:SemanticModel", start => start.RegisterSemanticModelAction(_ => { }));

            // Roslyn's cost of reporting, with nothing to decide: a diagnostic at every three-digit literal from 200 to
            // 599, as SmtpCodes' rules configure generated code. Divide its ms by its diagnostics for the cost of one.
            // The binding floor: one question to the semantic model per body the rules' syntax gates would bind.
            yield return new MeasuredAnalyzer("probe:binding floor", new Floor.BindingFloorAnalyzer(), isPeer: false, ImmutableArray.Create(Floor.BindingFloorAnalyzer.Id), isProbe: true);

            yield return Probe("probe:Report", start => start.RegisterSyntaxNodeAction(ReportThreeDigitCodes, SyntaxKind.NumericLiteralExpression), GeneratedCodeAnalysisFlags.ReportDiagnostics);
        }

        /// <summary>An analyzer that registers nothing at compilation start: what the driver costs by itself.</summary>
        internal static MeasuredAnalyzer Nothing() => Probe("probe:nothing", _ => { });

        private static MeasuredAnalyzer Probe(string name, Action<CompilationStartAnalysisContext> register, GeneratedCodeAnalysisFlags generatedCode = GeneratedCodeAnalysisFlags.None) =>
            new(name, new ProbeAnalyzer(register, generatedCode), isPeer: false, ImmutableArray.Create(Descriptor.Id), isProbe: true);

        private static void ReportThreeDigitCodes(SyntaxNodeAnalysisContext context)
        {
            var text = ((LiteralExpressionSyntax)context.Node).Token.Text;
            if (text.Length == 3 && text[0] >= '2' && text[0] <= '5')
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.Node.GetLocation()));
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ProbeAnalyzer : DiagnosticAnalyzer
        {
            private readonly Action<CompilationStartAnalysisContext> _register;
            private readonly GeneratedCodeAnalysisFlags _generatedCode;

            internal ProbeAnalyzer(Action<CompilationStartAnalysisContext> register, GeneratedCodeAnalysisFlags generatedCode)
            {
                _register = register;
                _generatedCode = generatedCode;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(_generatedCode);
                context.RegisterCompilationStartAction(_register);
            }
        }
    }
}
