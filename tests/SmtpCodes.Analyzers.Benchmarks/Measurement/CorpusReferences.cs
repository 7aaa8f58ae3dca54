using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>What the corpora compile against: the .NET reference assemblies this runtime ships with, plus MailKit, MimeKit and SmtpServer.</summary>
    internal sealed class CorpusReferences
    {
        private CorpusReferences(ImmutableArray<MetadataReference> framework, ImmutableArray<MetadataReference> mailLibraries, string frameworkSource)
        {
            Framework = framework;
            MailLibraries = mailLibraries;
            FrameworkSource = frameworkSource;
        }

        /// <summary>The framework alone: what an ordinary project sees. It holds System.Net.Mail.SmtpStatusCode.</summary>
        internal ImmutableArray<MetadataReference> Framework { get; }

        internal ImmutableArray<MetadataReference> MailLibraries { get; }

        /// <summary>Where the framework references came from, for the report.</summary>
        internal string FrameworkSource { get; }

        internal static CorpusReferences Load()
        {
            var (paths, source) = FindFramework();
            var framework = ImmutableArray.CreateBuilder<MetadataReference>(paths.Count);
            foreach (var path in paths)
            {
                framework.Add(MetadataReference.CreateFromFile(path));
            }

            var mail = ImmutableArray.Create<MetadataReference>(
                MetadataReference.CreateFromFile(typeof(MailKit.Net.Smtp.SmtpClient).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(SmtpServer.SmtpServer).Assembly.Location));
            return new CorpusReferences(framework.MoveToImmutable(), mail, source);
        }

        /// <summary>The no-SMTP corpus sees the framework alone; the SMTP-heavy and mail-referenced corpora also the mail libraries.</summary>
        internal ImmutableArray<MetadataReference> For(Corpus.CorpusKind kind) =>
            kind == Corpus.CorpusKind.NoSmtp ? Framework : Framework.AddRange(MailLibraries);

        /// <summary>
        /// The targeting pack (packs/Microsoft.NETCore.App.Ref/{version}/ref/net{major}.{minor}) of the running runtime's
        /// major version, as a build uses; failing that, the runtime's own assemblies.
        /// </summary>
        private static (List<string> Paths, string Source) FindFramework()
        {
            var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
            var version = Environment.Version;
            var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            if (Directory.Exists(packs))
            {
                string? best = null;
                Version? bestVersion = null;
                foreach (var directory in Directory.GetDirectories(packs))
                {
                    if (Version.TryParse(Path.GetFileName(directory).Split('-')[0], out var candidate)
                        && candidate.Major == version.Major
                        && (bestVersion is null || candidate > bestVersion))
                    {
                        best = directory;
                        bestVersion = candidate;
                    }
                }

                var refDirectory = best is null ? null : Path.Combine(best, "ref", "net" + version.Major + "." + version.Minor);
                if (refDirectory is not null && Directory.Exists(refDirectory))
                {
                    return (new List<string>(Directory.GetFiles(refDirectory, "*.dll")), refDirectory);
                }
            }

            var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))?.Split(Path.PathSeparator) ?? Array.Empty<string>();
            var paths = new List<string>();
            foreach (var path in trusted)
            {
                if (path.StartsWith(runtimeDirectory, StringComparison.Ordinal) && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    paths.Add(path);
                }
            }

            return (paths, runtimeDirectory + " (runtime assemblies: no targeting pack found)");
        }
    }
}
