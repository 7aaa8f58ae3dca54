using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What every rule about status enums does first: concurrent, no generated code, the compilation's status enums
    /// looked up once at compilation start, and nothing registered when it has none.
    /// </summary>
    public abstract class StatusEnumAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (StatusEnumCatalog.Create(start.Compilation, start.Options) is { } catalog)
                {
                    RegisterActions(start, catalog);
                }
            });
        }

        /// <summary>Registers the rule's actions for a compilation that has at least one status enum.</summary>
        private protected abstract void RegisterActions(CompilationStartAnalysisContext start, StatusEnumCatalog catalog);
    }
}
