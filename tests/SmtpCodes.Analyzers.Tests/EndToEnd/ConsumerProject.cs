using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// One consumer project of the end-to-end tests: a folder of <c>EndToEnd/Consumers</c> copied into the temporary
    /// workspace with a project file that references the packed package.
    /// </summary>
    public sealed class ConsumerProject
    {
        private static readonly Regex s_marker = new Regex(@"//\s*expect:\s*(?<ids>[A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*)", RegexOptions.CultureInvariant);

        public ConsumerProject(
            string name,
            string targetFramework = "net10.0",
            string? languageVersion = null,
            bool isExe = false,
            bool referencePackage = true,
            string? template = null,
            string? extraProperties = null,
            IReadOnlyList<(string Id, string Version)>? packageReferences = null,
            IReadOnlyDictionary<string, string>? generatedFiles = null)
        {
            GeneratedFiles = generatedFiles ?? new Dictionary<string, string>();
            PackageReferences = packageReferences ?? Array.Empty<(string, string)>();
            Name = name;
            Template = template ?? name;
            ExtraProperties = extraProperties;
            TargetFramework = targetFramework;
            LanguageVersion = languageVersion;
            IsExe = isExe;
            ReferencePackage = referencePackage;
        }

        public string Name { get; }

        /// <summary>The folder of <c>EndToEnd/Consumers</c> the sources come from (several projects may share one).</summary>
        public string Template { get; }

        /// <summary>Other packages the project references (MailKit, SmtpServer), restored like the analyzer package.</summary>
        public IReadOnlyList<(string Id, string Version)> PackageReferences { get; }

        /// <summary>Files written beside the template's, by name: sources the tests keep in one place (the Aspose enum).</summary>
        public IReadOnlyDictionary<string, string> GeneratedFiles { get; }

        /// <summary>More PropertyGroup lines for the project file, as a user would write them.</summary>
        public string? ExtraProperties { get; }

        public string TargetFramework { get; }

        public string? LanguageVersion { get; }

        public bool IsExe { get; }

        /// <summary>False for the project that gets its reference from <c>dotnet add package</c>, as a user's does.</summary>
        public bool ReferencePackage { get; }

        /// <summary>The folder in the workspace, once <see cref="WriteTo"/> ran.</summary>
        public string Directory { get; private set; } = string.Empty;

        public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

        /// <summary>Where the project's build puts its assembly (Debug).</summary>
        public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", TargetFramework, Name + ".dll");

        /// <summary>Copies the template folder and writes the project file.</summary>
        public void WriteTo(string templatesRoot, string workspace, string packageId, string packageVersion)
        {
            var template = Path.Combine(templatesRoot, Template);
            if (!System.IO.Directory.Exists(template))
            {
                throw new DirectoryNotFoundException($"The consumer template {template} does not exist.");
            }

            Directory = Path.Combine(workspace, Name);
            foreach (var file in System.IO.Directory.GetFiles(template, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Directory, Path.GetRelativePath(template, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            foreach (var (name, text) in GeneratedFiles)
            {
                File.WriteAllText(Path.Combine(Directory, name), text);
            }

            var project = new StringBuilder();
            project.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
            project.AppendLine("  <PropertyGroup>");
            project.AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>");
            if (IsExe)
            {
                project.AppendLine("    <OutputType>Exe</OutputType>");
            }

            if (LanguageVersion is not null)
            {
                project.AppendLine($"    <LangVersion>{LanguageVersion}</LangVersion>");
            }

            project.AppendLine("    <ImplicitUsings>disable</ImplicitUsings>");
            if (ExtraProperties is not null)
            {
                project.AppendLine("    " + ExtraProperties);
            }
            project.AppendLine("  </PropertyGroup>");
            if (ReferencePackage || PackageReferences.Count > 0)
            {
                // As the README says, minus PrivateAssets: the package's developmentDependency flag must be enough.
                project.AppendLine("  <ItemGroup>");
                if (ReferencePackage)
                {
                    project.AppendLine($"    <PackageReference Include=\"{packageId}\" Version=\"{packageVersion}\" />");
                }

                foreach (var (id, version) in PackageReferences)
                {
                    project.AppendLine($"    <PackageReference Include=\"{id}\" Version=\"{version}\" />");
                }

                project.AppendLine("  </ItemGroup>");
            }

            project.AppendLine("</Project>");
            File.WriteAllText(ProjectFile, project.ToString());
        }

        /// <summary>
        /// The diagnostics the <c>// expect:</c> markers of the project's sources ask for, as sorted keys
        /// (<c>Handler.cs(7): warning SMTP001</c>, the path relative to the project), keeping only the rules in <paramref name="implementedIds"/>;
        /// <paramref name="severityOf"/> gives each ID's severity (default: warning) and may drop an ID by returning null.
        /// </summary>
        public List<string> ExpectedKeys(ISet<string> implementedIds, Func<string, string?>? severityOf = null)
        {
            var keys = new List<string>();
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var match = s_marker.Match(lines[i]);
                    if (!match.Success)
                    {
                        continue;
                    }

                    foreach (var part in match.Groups["ids"].Value.Split(','))
                    {
                        var id = part.Trim();
                        if (!implementedIds.Contains(id))
                        {
                            continue;
                        }

                        var severity = severityOf is null ? "warning" : severityOf(id);
                        if (severity is not null)
                        {
                            keys.Add($"{RelativePath(file)}({i + 1}): {severity} {id}");
                        }
                    }
                }
            }

            keys.Sort(StringComparer.Ordinal);
            return keys;
        }

        /// <summary>A file's path relative to the project folder, with '/' separators: <c>Error/Handler.cs</c>.</summary>
        public string RelativePath(string file) => Path.GetRelativePath(Directory, file).Replace(Path.DirectorySeparatorChar, '/');
    }
}
