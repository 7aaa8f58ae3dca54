using System;
using System.IO;

namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>Finds the repository's files from the test assembly's folder.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> s_root = new(() =>
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SmtpCodes.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("SmtpCodes.Analyzers.sln was not found above " + AppContext.BaseDirectory);
        });

        public static string Root => s_root.Value;

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
