using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What every rule about status enums does first: concurrent, no generated code (and no second look for it per
    /// diagnostic), the compilation's status enums looked up once at compilation start, and nothing registered when it
    /// has none or its code cannot reach one (<see cref="StatusTypeUsage"/>): a project that never touches SMTP pays for
    /// the lookup and one text search.
    /// </summary>
    public abstract class StatusEnumAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is not analysed: the driver skips generated files and [GeneratedCode] declarations before
            // calling us. ReportDiagnostics without Analyze says that whatever is reported comes from code that was
            // analysed, so the driver need not look for [GeneratedCode] again under every diagnostic: with None it walks
            // each file's tokens for it (once per file, on the first diagnostic), which was most of this package's cost
            // on SMTP-heavy code (docs/performance.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (CompilationKnowledge.StatusEnumsInUse(start.Compilation, start.Options, start.CancellationToken) is { } catalog)
                {
                    RegisterActions(start, catalog);
                }
            });
        }

        /// <summary>Registers the rule's actions for a compilation that has at least one status enum.</summary>
        private protected abstract void RegisterActions(CompilationStartAnalysisContext start, StatusEnumCatalog catalog);
    }
}
