using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>Every analyzer, descriptor and code fix the package ships, found by reflection so new rules are covered.</summary>
    public static class PackageContents
    {
        public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = Instantiate<DiagnosticAnalyzer>(typeof(DiagnosticIds).Assembly);

        public static IReadOnlyList<CodeFixProvider> CodeFixes { get; } = Instantiate<CodeFixProvider>(typeof(SmtpCodes.Analyzers.Rules.MagicSmtpCodeFixer).Assembly);

        public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = Analyzers
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .GroupBy(descriptor => descriptor.Id)
            .Select(group => group.First())
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToArray();

        public static bool HasCodeFix(string id) => CodeFixes.Any(fix => fix.FixableDiagnosticIds.Contains(id));

        /// <summary>Whether a fix of the rule runs in bulk (Fix All, <c>dotnet format</c>): the value-preserving ones only.</summary>
        public static bool HasFixAll(string id) => CodeFixes.Any(fix => fix.FixableDiagnosticIds.Contains(id) && fix.GetFixAllProvider() is not null);

        private static T[] Instantiate<T>(Assembly assembly) => assembly.GetTypes()
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToArray();
    }
}
