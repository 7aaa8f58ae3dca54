namespace SmtpCodes.Analyzers.Benchmarks.Corpus
{
    /// <summary>One generated C# source file.</summary>
    public sealed class CorpusFile
    {
        public CorpusFile(string path, string text)
        {
            Path = path;
            Text = text;
            LineCount = CountLines(text);
        }

        /// <summary>A relative path such as <c>Mail/Module0007.cs</c>; never a generated-code name (<c>.g.cs</c>).</summary>
        public string Path { get; }

        public string Text { get; }

        public int LineCount { get; }

        public override string ToString() => Path + " (" + LineCount + " lines)";

        private static int CountLines(string text)
        {
            var lines = 0;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    lines++;
                }
            }

            return text.Length > 0 && text[text.Length - 1] != '\n' ? lines + 1 : lines;
        }
    }

    /// <summary>What a corpus is made of.</summary>
    public enum CorpusKind
    {
        /// <summary>Retry handlers, switches over each status enum, bare numbers and casts, mixed with ordinary code.</summary>
        SmtpHeavy,

        /// <summary>Ordinary business code of the same shape; no status enum is referenced.</summary>
        NoSmtp,

        /// <summary>
        /// Ordinary business code compiled with MailKit, MimeKit and SmtpServer referenced, plus the application's one
        /// small mail module (one magic code): the rules' gate is open, yet almost nothing is theirs. Every business
        /// class declares <c>Total0</c>…<c>Total19</c> with the same local names.
        /// </summary>
        MailReferenced,
    }
}
