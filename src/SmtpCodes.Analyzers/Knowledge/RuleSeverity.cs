using System.Threading;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Whether a diagnostic may be reported in a file under the project's configuration: what lets
    /// <see cref="SmtpCodesAnalyzer"/> skip a rule switched off, as the driver skips an analyzer all of whose diagnostics
    /// are off. It errs towards on: a rule is skipped only when every place that configures the ID (the file's
    /// <c>.editorconfig</c> sections, a global config, <c>/nowarn</c> or a ruleset) says <c>none</c>. A rule configured only
    /// by category or for all analyzers (<c>dotnet_analyzer_diagnostic.*</c>) runs. The driver still filters what is
    /// reported, so erring costs time, never a wrong result.
    /// </summary>
    internal static class RuleSeverity
    {
        internal static bool MayReport(Compilation compilation, SyntaxTree tree, DiagnosticDescriptor descriptor, CancellationToken cancellationToken)
        {
            // The driver never switches such a diagnostic off.
            foreach (var tag in descriptor.CustomTags)
            {
                if (tag == WellKnownDiagnosticTags.NotConfigurable)
                {
                    return true;
                }
            }

            var options = compilation.Options;
            var treeOptions = options.SyntaxTreeOptionsProvider;
            var configured = false;
            if (treeOptions is not null)
            {
                if (treeOptions.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var inFile))
                {
                    if (inFile != ReportDiagnostic.Suppress)
                    {
                        return true;
                    }

                    configured = true;
                }

                if (treeOptions.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global))
                {
                    if (global != ReportDiagnostic.Suppress)
                    {
                        return true;
                    }

                    configured = true;
                }
            }

            if (options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific))
            {
                if (specific != ReportDiagnostic.Suppress)
                {
                    return true;
                }

                configured = true;
            }

            return !configured;
        }
    }
}
