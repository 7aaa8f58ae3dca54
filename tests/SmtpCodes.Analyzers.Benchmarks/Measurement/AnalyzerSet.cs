using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>One analyzer the benchmark times: this project's, or a peer from another package.</summary>
    internal sealed class MeasuredAnalyzer
    {
        internal MeasuredAnalyzer(string name, DiagnosticAnalyzer analyzer, bool isPeer, ImmutableArray<string> ids, bool isProbe = false, bool isRuleAlone = false)
        {
            Name = name;
            Analyzer = analyzer;
            IsPeer = isPeer;
            Ids = ids;
            IsProbe = isProbe;
            IsRuleAlone = isRuleAlone;
        }

        /// <summary>One rule of <see cref="SmtpCodesAnalyzer"/> alone: timed and shown, never added to SmtpCodes' cost (the whole analyzer is).</summary>
        internal bool IsRuleAlone { get; }

        /// <summary>One of <see cref="Probes"/>: timed and shown, never counted as SmtpCodes' cost.</summary>
        internal bool IsProbe { get; }

        /// <summary>The type name for this project's analyzers; the rule ID for a peer.</summary>
        internal string Name { get; }

        internal DiagnosticAnalyzer Analyzer { get; }

        internal bool IsPeer { get; }

        /// <summary>The IDs counted as this analyzer's diagnostics: what it supports, or the one peer rule measured.</summary>
        internal ImmutableArray<string> Ids { get; }
    }

    /// <summary>A peer that was asked for and could not be loaded, with the reason.</summary>
    internal sealed class MissingPeer
    {
        internal MissingPeer(string name, string reason)
        {
            Name = name;
            Reason = reason;
        }

        internal string Name { get; }

        internal string Reason { get; }
    }

    /// <summary>Finds what to measure: every analyzer of SmtpCodes.Analyzers by reflection, and the peers from their package folders.</summary>
    internal static class AnalyzerSet
    {
        /// <summary>Roslyn's populate-switch rules: IDE0010 (switch statements) and IDE0072 (switch expressions).</summary>
        internal static readonly ImmutableArray<string> PopulateSwitchIds = ImmutableArray.Create("IDE0010", "IDE0072");

        /// <summary>SonarAnalyzer's magic-number rule.</summary>
        internal const string MagicNumberId = "S109";

        /// <summary>
        /// Every analyzer the package ships (each concrete <see cref="DiagnosticAnalyzer"/> for C# in the analyzers'
        /// assembly that a host loads), in name order: a rule added later is measured without touching the benchmark.
        /// </summary>
        internal static List<MeasuredAnalyzer> ProjectAnalyzers()
        {
            var result = new List<MeasuredAnalyzer>();
            foreach (var type in typeof(SmtpCodes.Analyzers.Descriptors).Assembly.GetTypes())
            {
                if (IsCSharpAnalyzer(type))
                {
                    var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                    var ids = ImmutableArray.CreateBuilder<string>();
                    foreach (var descriptor in analyzer.SupportedDiagnostics)
                    {
                        ids.Add(descriptor.Id);
                    }

                    result.Add(new MeasuredAnalyzer(type.Name, analyzer, isPeer: false, ids.ToImmutable()));
                }
            }

            result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return result;
        }

        /// <summary>
        /// Each rule of <see cref="SmtpCodesAnalyzer"/> alone, named by its rule type: the same walk with one rule's
        /// callbacks, for the telemetry's map of where the time goes. Never measured together with the whole analyzer.
        /// </summary>
        internal static List<MeasuredAnalyzer> RulesAlone()
        {
            var result = new List<MeasuredAnalyzer>();
            foreach (var rule in SmtpCodesAnalyzer.AllRules())
            {
                var ids = ImmutableArray.CreateBuilder<string>();
                foreach (var descriptor in rule.SupportedDiagnostics)
                {
                    ids.Add(descriptor.Id);
                }

                result.Add(new MeasuredAnalyzer(rule.GetType().Name, new SmtpCodesAnalyzer(rule), isPeer: false, ids.ToImmutable(), isRuleAlone: true));
            }

            result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return result;
        }

        /// <summary>IDE0010, IDE0072 and S109, each found by the rule it supports; what cannot be loaded goes to <paramref name="missing"/> with why.</summary>
        internal static List<MeasuredAnalyzer> Peers(List<MissingPeer> missing)
        {
            var peers = new List<MeasuredAnalyzer>();
            var codeStyle = PackageAssembly("CodeStylePackage", Path.Combine("analyzers", "dotnet", "cs", "Microsoft.CodeAnalysis.CSharp.CodeStyle.dll"), out var codeStyleError);
            foreach (var id in PopulateSwitchIds)
            {
                AddPeer(peers, missing, id, codeStyle, codeStyleError, "PopulateSwitch");
            }

            var sonar = PackageAssembly("SonarAnalyzerPackage", Path.Combine("analyzers", "SonarAnalyzer.CSharp.dll"), out var sonarError);
            AddPeer(peers, missing, MagicNumberId, sonar, sonarError, "MagicNumber");
            return peers;
        }

        private static void AddPeer(List<MeasuredAnalyzer> peers, List<MissingPeer> missing, string id, Assembly? assembly, string? loadError, string typeNameHint)
        {
            if (assembly is null)
            {
                missing.Add(new MissingPeer(id, loadError ?? "not loaded"));
                return;
            }

            try
            {
                // The hinted types first: instantiating all of a package's analyzers just to read their IDs is slow.
                var analyzer = FindAnalyzer(assembly, id, typeNameHint) ?? FindAnalyzer(assembly, id, null);
                if (analyzer is null)
                {
                    missing.Add(new MissingPeer(id, $"no analyzer in {assembly.GetName().Name} {assembly.GetName().Version} supports {id}"));
                    return;
                }

                peers.Add(new MeasuredAnalyzer(id, analyzer, isPeer: true, ImmutableArray.Create(id)));
            }
            catch (Exception ex)
            {
                missing.Add(new MissingPeer(id, Describe(ex)));
            }
        }

        private static DiagnosticAnalyzer? FindAnalyzer(Assembly assembly, string id, string? typeNameHint)
        {
            foreach (var type in LoadableTypes(assembly))
            {
                if (type is null || (typeNameHint is not null && type.Name.IndexOf(typeNameHint, StringComparison.Ordinal) < 0) || !IsCSharpAnalyzer(type)
                    || type.GetConstructor(Type.EmptyTypes) is null)
                {
                    continue;
                }

                DiagnosticAnalyzer analyzer;
                try
                {
                    analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                    foreach (var descriptor in analyzer.SupportedDiagnostics)
                    {
                        if (descriptor.Id == id)
                        {
                            return analyzer;
                        }
                    }
                }
                catch (Exception) when (typeNameHint is null)
                {
                    // Scanning a whole package: an analyzer that cannot be built here is not the one we look for.
                }
            }

            return null;
        }

        private static Type?[] LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                return ex.Types;
            }
        }

        private static bool IsCSharpAnalyzer(Type type)
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            {
                return false;
            }

            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>(inherit: false);
            return attribute is not null && Array.IndexOf(attribute.Languages, LanguageNames.CSharp) >= 0;
        }

        /// <summary>The folder of the CodeStyle package's C# analyzers (IDE0010, IDE0072), for a real build's <c>Analyzer</c> items.</summary>
        internal static string CodeStyleDirectory() =>
            PackageFolder("CodeStylePackage") is { Length: > 0 } folder && Directory.Exists(Path.Combine(folder, "analyzers", "dotnet", "cs"))
                ? Path.Combine(folder, "analyzers", "dotnet", "cs")
                : throw new InvalidOperationException("The CodeStyle package was not restored (assembly metadata CodeStylePackage).");

        private static string? PackageFolder(string metadataKey)
        {
            string? folder = null;
            foreach (var metadata in typeof(AnalyzerSet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (metadata.Key == metadataKey)
                {
                    folder = metadata.Value;
                }
            }

            return folder;
        }

        private static Assembly? PackageAssembly(string metadataKey, string relativePath, out string? error)
        {
            error = null;
            var folder = PackageFolder(metadataKey);
            if (string.IsNullOrEmpty(folder))
            {
                error = $"the package folder is unknown (assembly metadata {metadataKey} is empty: was the package restored?)";
                return null;
            }

            var path = Path.Combine(folder, relativePath);
            if (!File.Exists(path))
            {
                error = "not found: " + path;
                return null;
            }

            try
            {
                // Load-from context: the package's other assemblies (Microsoft.CodeAnalysis.CodeStyle, SonarAnalyzer.CFG, ...)
                // resolve from the same folder; Microsoft.CodeAnalysis resolves to the version this program runs with.
                return Assembly.LoadFrom(path);
            }
            catch (Exception ex)
            {
                error = Describe(ex);
                return null;
            }
        }

        internal static string Describe(Exception ex)
        {
            var inner = ex;
            while (inner is TargetInvocationException { InnerException: { } next })
            {
                inner = next;
            }

            return inner.GetType().Name + ": " + inner.Message;
        }
    }
}
