using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Robustness.Sources
{
    /// <summary>
    /// Every test's source text: the string literals of the test project's own .cs files (parsed with Roslyn; the other
    /// source sets under Robustness/Sources are left to themselves) that are
    /// a C# compilation unit with a type declaration (or top-level statements), the test markup stripped. Interpolated
    /// strings are taken where every hole is one the tests use for an enum or literal (<c>{{kind.TypeName}}</c>), filled
    /// in turn with each of the four status enums; any other hole drops the literal.
    /// </summary>
    public sealed class TestSourceSet : ISourceSet
    {
        private static readonly Regex s_openMarkup = new Regex(@"\{\|[A-Za-z0-9_]+:", RegexOptions.CultureInvariant);

        private readonly Lazy<IReadOnlyList<SourceCase>> _cases;

        public TestSourceSet() => _cases = new Lazy<IReadOnlyList<SourceCase>>(Harvest);

        public string Name => "tests";

        public IReadOnlyList<SourceCase> GetCases() => _cases.Value;

        /// <summary>Removes <c>{|SMTP001:550|}</c>, <c>[|x|]</c> and <c>$$</c> markup, keeping the marked text.</summary>
        public static string StripMarkup(string text) =>
            s_openMarkup.Replace(text, string.Empty).Replace("|}", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty).Replace("$$", string.Empty);

        private static IReadOnlyList<SourceCase> Harvest()
        {
            var testsFolder = Path.Combine(RepositoryPaths.Root, "tests", "SmtpCodes.Analyzers.Tests");
            var files = Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(path) && !path.Contains(Path.Combine("Robustness", "Sources"), StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var cases = new List<SourceCase>();
            var kindIndex = 0;
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(testsFolder, file).Replace('\\', '/');
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                var index = 0;
                foreach (var node in root.DescendantNodes())
                {
                    string? text = node switch
                    {
                        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                        InterpolatedStringExpressionSyntax interpolated => Fill(interpolated, StatusEnumKind.All[kindIndex++ % StatusEnumKind.All.Count]),
                        _ => null,
                    };

                    if (text is null || text.Contains("{{", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    text = StripMarkup(text);
                    if (IsCompilationUnit(text) && seen.Add(text))
                    {
                        cases.Add(SourceCase.ForUserCode($"tests:{relative}#{index++}", ("Test0.cs", text)));
                    }
                }
            }

            return cases;
        }

        private static bool IsBuildOutput(string path)
        {
            var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
            return path.Split(separators).Any(part => part is "bin" or "obj");
        }

        private static bool IsCompilationUnit(string text)
        {
            var tree = CSharpSyntaxTree.ParseText(text);
            if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return false;
            }

            var unit = (CompilationUnitSyntax)tree.GetRoot();
            return unit.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Any()
                || (unit.Members.OfType<GlobalStatementSyntax>().Any() && unit.Usings.Count > 0);
        }

        /// <summary>The text of an interpolated string whose holes the tests use for an enum, a literal or a name; null for any other hole.</summary>
        private static string? Fill(InterpolatedStringExpressionSyntax interpolated, StatusEnumKind kind)
        {
            var text = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax part:
                        text.Append(part.TextToken.ValueText);
                        break;
                    case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole:
                        var value = hole.Expression.ToString() switch
                        {
                            "kind.Namespace" => kind.Namespace,
                            "kind.TypeName" => kind.TypeName,
                            "kind.MailboxUnavailable" => kind.MailboxUnavailable,
                            "kind.ServiceNotAvailable" => kind.ServiceNotAvailable,
                            "literal" => "0x226",
                            "value" => "404",
                            "name" => "Ok",
                            "patterns" => string.Empty,
                            _ => null,
                        };
                        if (value is null)
                        {
                            return null;
                        }

                        text.Append(value);
                        break;
                    default:
                        return null;
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Folders of the repository, found by walking up from the test assembly to the one holding SmtpCodes.Analyzers.sln.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(() =>
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "SmtpCodes.Analyzers.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException("No folder above " + AppContext.BaseDirectory + " holds SmtpCodes.Analyzers.sln.");
        });

        public static string Root => s_root.Value;
    }

    /// <summary>The sample, <c>docs/samples/MailSender/*.cs</c>, as one compilation.</summary>
    public sealed class SampleSourceSet : ISourceSet
    {
        public string Name => "sample";

        public IReadOnlyList<SourceCase> GetCases()
        {
            var folder = Path.Combine(RepositoryPaths.Root, "docs", "samples", "MailSender");
            var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.TopDirectoryOnly)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
                .ToArray();
            return new[] { SourceCase.ForUserCode("sample:MailSender", files) };
        }
    }
}
