using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every analyzer and code fix provider of the package, found by reflection over the SmtpCodes.Analyzers and
    /// SmtpCodes.Analyzers.CodeFixes assemblies (every non-abstract DiagnosticAnalyzer / CodeFixProvider), and
    /// constructed directly, without MEF. Rules added later are covered without touching the suite.
    /// </summary>
    public static class SmtpCodesComponents
    {
        public static ImmutableArray<Assembly> Assemblies { get; } = ImmutableArray.Create(
            typeof(DiagnosticIds).Assembly,
            typeof(SmtpCodes.Analyzers.Rules.MagicSmtpCodeFixer).Assembly);

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Create<DiagnosticAnalyzer>();

        public static ImmutableArray<CodeFixProvider> Fixers { get; } = Create<CodeFixProvider>();

        /// <summary>The fixers that handle <paramref name="diagnosticId"/>.</summary>
        public static ImmutableArray<CodeFixProvider> FixersOf(string diagnosticId) =>
            Fixers.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnosticId)).ToImmutableArray();

        private static ImmutableArray<T> Create<T>()
            where T : class =>
            Assemblies
                .SelectMany(assembly => assembly.GetTypes())
                .Distinct()
                .Where(type => type.IsClass && !type.IsAbstract && typeof(T).IsAssignableFrom(type))
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (T)Activator.CreateInstance(type, nonPublic: true)!)
                .ToImmutableArray();
    }
}
