using System.Collections.Generic;
using SmtpCodes.Analyzers.Benchmarks.Corpus;

namespace SmtpCodes.Analyzers.Tests.Robustness.Sources
{
    /// <summary>
    /// Realistic SMTP files from the benchmark's seeded corpus generator (tests/SmtpCodes.Analyzers.Benchmarks):
    /// retry handlers, switches over each status enum, bare numbers, casts, branches that mix transient and permanent
    /// codes, reply codes read from exception messages, mixed with ordinary code.
    /// </summary>
    public sealed class CorpusSourceSet : ISourceSet
    {
        /// <summary>How many generated files the suite analyses, mutates and fixes; each is one case.</summary>
        private const int FileCount = 4;

        public string Name => "corpus";

        public IReadOnlyList<SourceCase> GetCases()
        {
            var cases = new List<SourceCase>(FileCount);
            foreach (var file in new CorpusGenerator().RealisticSmtpFiles(FileCount))
            {
                // The Aspose declaration the generator puts first is added to each case by ForUserCode where needed.
                if (file.Path != CorpusGenerator.AsposeStatusCodePath)
                {
                    cases.Add(SourceCase.ForUserCode("corpus:" + file.Path, (file.Path, file.Text)));
                }
            }

            return cases;
        }
    }
}
