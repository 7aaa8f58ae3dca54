using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SmtpCodes.Analyzers.Tests.EndToEnd;

namespace SmtpCodes.Analyzers.Tests.Documentation
{
    public enum CodeBlockLanguage
    {
        /// <summary>A <c>```csharp</c> or <c>```cs</c> block: compiled as one file of a fresh project.</summary>
        CSharp,

        /// <summary>An <c>```ini</c> block: an <c>.editorconfig</c>, or a global AnalyzerConfig when it says <c>is_global = true</c>.</summary>
        Ini,
    }

    /// <summary>One code block of README.md or docs/**.md.</summary>
    public sealed class DocumentedCodeBlock
    {
        public DocumentedCodeBlock(string file, int line, CodeBlockLanguage language, string text, string? partialReason)
        {
            File = file;
            Line = line;
            Language = language;
            Text = text;
            PartialReason = partialReason;
        }

        /// <summary>The document, relative to the repository, with '/' separators.</summary>
        public string File { get; }

        /// <summary>The line of the opening fence (1-based).</summary>
        public int Line { get; }

        public CodeBlockLanguage Language { get; }

        /// <summary>The block's lines, without the fences and without the indentation they share (a block in a list item).</summary>
        public string Text { get; }

        /// <summary>The reason of a <c>&lt;!-- partial: reason --&gt;</c> marker right before the fence; null when unmarked.</summary>
        public string? PartialReason { get; }

        public bool IsGlobalConfig => Language == CodeBlockLanguage.Ini
            && Text.Split('\n').Any(line => Regex.IsMatch(line, @"^\s*is_global\s*=\s*true\s*$", RegexOptions.IgnoreCase));

        /// <summary>What a theory shows for the block: <c>docs/configuration.md:158</c>.</summary>
        public string Id => $"{File}:{Line}";

        public override string ToString() => $"{Id} ({Language})";
    }

    /// <summary>
    /// The code the documentation shows, as the end-to-end check of <see cref="DocumentedCodeTests"/> reads it.
    /// <para>
    /// The convention, for everyone who writes a page: every <c>```csharp</c> (or <c>```cs</c>) block of README.md and
    /// docs/**.md compiles as it stands, as one file of a fresh project (net8.0, implicit usings, nullable on, MailKit,
    /// SmtpServer and Polly referenced): write its <c>using</c>s and its enclosing type. Every <c>```ini</c> block, pasted
    /// as it stands into a project's <c>.editorconfig</c> (a global AnalyzerConfig when it holds <c>is_global = true</c>),
    /// gives no SMTP000, and sets no key before its first <c>[section]</c> (where it would apply to no file). A block that
    /// is deliberately not usable as it stands (a fragment of a method, a side-by-side picture, a configuration naming
    /// your own enum or showing SMTP000 on purpose) has this line right before its opening fence:
    /// <code>&lt;!-- partial: why it is not complete --&gt;</code>
    /// The test prints the reason and checks that such a block really fails as it stands: a marker on a block that works
    /// has to go.
    /// </para>
    /// </summary>
    public static class DocumentedCodeBlocks
    {
        private static readonly Regex s_partialMarker = new(@"^<!--\s*partial:\s*(?<reason>.*?)\s*-->$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<DocumentedCodeBlock> Read(string repositoryRoot) =>
            DocumentedCommands.Documents(repositoryRoot)
                .SelectMany(document => Parse(document, File.ReadAllLines(Path.Combine(repositoryRoot, document))))
                .ToArray();

        public static IEnumerable<DocumentedCodeBlock> Parse(string document, IReadOnlyList<string> lines)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var fence = lines[i].Trim();
                if (!fence.StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                var language = fence.Substring(3).Trim() switch
                {
                    "csharp" or "cs" or "c#" => CodeBlockLanguage.CSharp,
                    "ini" or "editorconfig" => (CodeBlockLanguage?)CodeBlockLanguage.Ini,
                    _ => null,
                };
                var start = i;
                var body = new List<string>();
                for (i++; i < lines.Count && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    body.Add(lines[i]);
                }

                if (language is null)
                {
                    continue;
                }

                var previous = start - 1;
                while (previous >= 0 && lines[previous].Trim().Length == 0)
                {
                    previous--;
                }

                var marker = previous >= 0 ? s_partialMarker.Match(lines[previous].Trim()) : Match.Empty;
                yield return new DocumentedCodeBlock(document, start + 1, language.Value, Unindent(body), marker.Success ? marker.Groups["reason"].Value : null);
            }
        }

        private static string Unindent(List<string> lines)
        {
            var indent = lines.Where(line => line.Trim().Length > 0).Select(line => line.Length - line.TrimStart().Length).DefaultIfEmpty(0).Min();
            return string.Join("\n", lines.Select(line => line.Length >= indent ? line.Substring(indent) : line.TrimStart())) + "\n";
        }
    }
}
