using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Robustness.Sources
{
    /// <summary>One file of a <see cref="SourceCase"/>: the user's code (mutated by the typing simulation, fixed) or a support file (an enum declaration).</summary>
    public sealed record SourceDocument(string Path, string Text, bool IsUserCode);

    /// <summary>
    /// One compilation's worth of source for the robustness suite: the user's files, the enum declarations they need,
    /// and the <c>smtp_codes.*</c> options (applied to every file, as a root .editorconfig <c>[*.cs]</c> section does).
    /// </summary>
    public sealed class SourceCase
    {
        private static readonly Regex s_wordReplyCode = new Regex(@"\bReplyCode\b", RegexOptions.CultureInvariant);

        public SourceCase(string name, IEnumerable<SourceDocument> documents, IEnumerable<KeyValuePair<string, string>>? options = null, IEnumerable<string>? preprocessorSymbols = null)
        {
            Name = name;
            Documents = documents.ToImmutableArray();
            Options = options?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty;
            PreprocessorSymbols = preprocessorSymbols?.ToImmutableArray() ?? ImmutableArray<string>.Empty;
        }

        /// <summary>Where the case comes from, and which one: <c>tests:Rules/MagicSmtpCodeFixerTests.cs#3</c>.</summary>
        public string Name { get; }

        public ImmutableArray<SourceDocument> Documents { get; }

        public ImmutableDictionary<string, string> Options { get; }

        public ImmutableArray<string> PreprocessorSymbols { get; }

        /// <summary>
        /// The user's files as they are, plus what they need to compile: the Aspose enum where the code names Aspose and
        /// does not declare it; the Contoso <c>ReplyCode</c> and the option naming it where the code uses that enum.
        /// </summary>
        public static SourceCase ForUserCode(string name, params (string Path, string Text)[] files)
        {
            var documents = new List<SourceDocument>();
            foreach (var (path, text) in files)
            {
                documents.Add(new SourceDocument(path, text, IsUserCode: true));
            }

            var all = string.Concat(files.Select(f => f.Text + "\n"));
            if (all.Contains("Aspose", StringComparison.Ordinal) && !all.Contains("namespace Aspose.Email.Clients.Smtp", StringComparison.Ordinal))
            {
                documents.Add(new SourceDocument("Support/AsposeSmtpStatusCode.cs", StatusEnumSources.Aspose, IsUserCode: false));
            }

            var options = new Dictionary<string, string>();
            if (s_wordReplyCode.IsMatch(all) && !all.Contains("enum ReplyCode", StringComparison.Ordinal))
            {
                documents.Add(new SourceDocument("Support/ContosoReplyCode.cs", StatusEnumSources.Contoso, IsUserCode: false));
                options.Add("smtp_codes.status_enum_types", "Contoso.Mail.ReplyCode");
            }

            return new SourceCase(name, documents, options);
        }

        /// <summary>The same case with one user document's text replaced.</summary>
        public SourceCase WithText(int documentIndex, string text) =>
            new SourceCase(Name, Documents.SetItem(documentIndex, Documents[documentIndex] with { Text = text }), Options, PreprocessorSymbols);

        public SourceCase WithOptions(IEnumerable<KeyValuePair<string, string>> options) =>
            new SourceCase(Name, Documents, options, PreprocessorSymbols);

        public override string ToString() => Name;
    }
}
