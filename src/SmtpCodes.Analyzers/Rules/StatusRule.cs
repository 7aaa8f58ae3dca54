using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// One rule's part of <see cref="SmtpCodesAnalyzer"/>, the package's one analyzer for status enums: the diagnostics it
    /// reports and, per compilation that has a status enum in use, the syntax-node callbacks it adds to the analyzer's
    /// single walk. A rule registers nothing with the driver itself, so the driver walks each body once for all rules,
    /// and the compilation's catalogs are built once for all of them.
    /// </summary>
    internal abstract class StatusRule
    {
        /// <summary>What the rule reports; the analyzer's <c>SupportedDiagnostics</c> are the union of its rules'.</summary>
        internal abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>Adds the rule's callbacks for a compilation with a status enum in use, or nothing.</summary>
        internal abstract void Start(RuleStart start);
    }
}
