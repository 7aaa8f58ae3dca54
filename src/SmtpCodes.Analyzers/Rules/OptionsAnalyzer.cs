using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP000: an <c>smtp_codes.*</c> option value that cannot be read. The other analyzers go on with the
    /// option's default; this one says so, once per compilation and value.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OptionsAnalyzer : DiagnosticAnalyzer
    {
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
            foreach (var value in SmtpCodesOptions.DistinctValues(context.Compilation, provider, SmtpCodesOptions.StatusEnumTypesKey))
            {
                foreach (var name in SmtpCodesOptions.SplitTypeNames(value))
                {
                    var type = context.Compilation.GetTypeByMetadataName(name);
                    if (type is null)
                    {
                        Report(context, SmtpCodesOptions.StatusEnumTypesKey, value,
                            $"'{name}' does not resolve to one type in this compilation; expected comma-separated metadata names of enums, such as Contoso.Mail.ReplyCode or Contoso.Outer+ReplyCode");
                    }
                    else if (type.TypeKind != TypeKind.Enum)
                    {
                        Report(context, SmtpCodesOptions.StatusEnumTypesKey, value,
                            $"'{name}' is a {type.TypeKind.ToString().ToLowerInvariant()}, not an enum");
                    }
                }
            }

            foreach (var value in SmtpCodesOptions.DistinctValues(context.Compilation, provider, SmtpCodesOptions.DefaultCountsAsHandledKey))
            {
                if (!SmtpCodesOptions.TryParseBoolean(value, out _))
                {
                    Report(context, SmtpCodesOptions.DefaultCountsAsHandledKey, value, "expected 'true' or 'false'");
                }
            }

            foreach (var value in SmtpCodesOptions.DistinctValues(context.Compilation, provider, SmtpCodesOptions.AdditionalReplyCodesKey))
            {
                if (!SmtpCodesOptions.TryParseReplyCodes(value, out _, out var invalid))
                {
                    Report(context, SmtpCodesOptions.AdditionalReplyCodesKey, value,
                        $"'{invalid}' is not a three-digit reply code; expected comma-separated codes from 200 to 599, such as 511, 571");
                }
            }
        }

        private static void Report(CompilationAnalysisContext context, string key, string value, string reason) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP000_InvalidOption, Location.None, key, value, reason));
    }
}
