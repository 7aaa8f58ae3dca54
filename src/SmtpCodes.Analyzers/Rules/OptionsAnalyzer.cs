using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP000: an <c>smtp_codes.*</c> option the analyzers cannot use: a key that is none of theirs (a typo, named with
    /// the nearest key), a value that cannot be read, a name in <c>status_enum_types</c> that is no enum. The other
    /// analyzers go on without it; this one says what is used instead, once per compilation and key, value or name.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OptionsAnalyzer : DiagnosticAnalyzer
    {
        private const string ExpectedTypeNames = "expected metadata names of enums, such as Contoso.Mail.ReplyCode or Contoso.Outer+ReplyCode";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP000_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(AnalyzeOptions);
        }

        private static void AnalyzeOptions(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            foreach (var key in SmtpCodesOptions.UnknownKeys(context.Compilation, provider))
            {
                var (nearest, isLikely) = SmtpCodesOptions.NearestKnownKey(key);
                var problem = isLikely
                    ? $"is not an option of SmtpCodes.Analyzers (did you mean '{nearest}'?)"
                    : $"is not an option of SmtpCodes.Analyzers (the options are {string.Join(", ", SmtpCodesOptions.KnownKeys)})";
                Report(context, key, problem, "it is ignored");
            }

            AnalyzeStatusEnumTypes(context, provider);

            foreach (var value in SmtpCodesOptions.DistinctValues(context.Compilation, provider, SmtpCodesOptions.DefaultCountsAsHandledKey))
            {
                if (!SmtpCodesOptions.TryParseBoolean(value, out _))
                {
                    Report(context, SmtpCodesOptions.DefaultCountsAsHandledKey, $"has the value '{value}', which cannot be read (expected 'true' or 'false')", "the default, false, is used instead");
                }
            }

            foreach (var value in SmtpCodesOptions.DistinctValues(context.Compilation, provider, SmtpCodesOptions.AdditionalReplyCodesKey))
            {
                if (!SmtpCodesOptions.TryParseReplyCodes(value, out _, out var invalid))
                {
                    Report(
                        context,
                        SmtpCodesOptions.AdditionalReplyCodesKey,
                        $"has the value '{value}', which cannot be read ('{invalid}' is not a three-digit reply code; expected comma-separated codes from 200 to 599, such as 511, 571)",
                        "the whole list is ignored, so SMTP004 accepts none of its codes");
                }
            }
        }

        /// <summary>
        /// The enum list belongs to the compilation: the names of every value in force count together. Each name that is
        /// no enum is reported once, saying which of the names are used.
        /// </summary>
        private static void AnalyzeStatusEnumTypes(CompilationAnalysisContext context, AnalyzerConfigOptionsProvider provider)
        {
            var used = new List<string>();
            var bad = new List<(string Name, string Reason)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in SmtpCodesOptions.DistinctValues(context.Compilation, provider, SmtpCodesOptions.StatusEnumTypesKey))
            {
                foreach (var name in SmtpCodesOptions.SplitTypeNames(value))
                {
                    if (!seen.Add(name))
                    {
                        continue;
                    }

                    var type = context.Compilation.GetTypeByMetadataName(name);
                    if (type is null)
                    {
                        bad.Add((name, $"does not resolve to one type in this compilation ({ExpectedTypeNames})"));
                    }
                    else if (type.TypeKind != TypeKind.Enum)
                    {
                        bad.Add((name, $"is a {type.TypeKind.ToString().ToLowerInvariant()}, not an enum ({ExpectedTypeNames})"));
                    }
                    else
                    {
                        used.Add(name);
                    }
                }
            }

            foreach (var (name, reason) in bad)
            {
                var outcome = used.Count == 0
                    ? $"'{name}' is ignored, and no enum of your own is used"
                    : $"'{name}' is ignored, and {Quoted(used)} {(used.Count == 1 ? "is" : "are")} used";
                Report(context, SmtpCodesOptions.StatusEnumTypesKey, $"names '{name}', which {reason}", outcome);
            }
        }

        /// <summary>'A', 'B' and 'C'.</summary>
        private static string Quoted(List<string> names)
        {
            var text = new StringBuilder();
            for (var i = 0; i < names.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : i == names.Count - 1 ? " and " : ", ").Append('\'').Append(names[i]).Append('\'');
            }

            return text.ToString();
        }

        private static void Report(CompilationAnalysisContext context, string key, string problem, string outcome) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP000_InvalidOption, Location.None, key, problem, outcome));
    }
}
