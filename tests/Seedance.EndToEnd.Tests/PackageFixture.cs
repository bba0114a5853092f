using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Seedance.EndToEnd.Tests;

/// <summary>Every end-to-end test shares one packed package and runs sequentially (they all drive the same CPU-bound tools).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Seedance.Generators package";
}

/// <summary>
/// Created once per test run: packs <c>src/Seedance</c> into a temporary local feed (its build output
/// kept out of the repository through <c>--artifacts-path</c>), writes a <c>nuget.config</c> with that
/// feed and nuget.org, and points <c>NUGET_PACKAGES</c> at a private folder under the same temporary
/// directory so that a stale cached <c>Seedance.Generators</c> of the same version can never be used.
/// Then it creates one console project and adds the package to it by name and version with
/// <c>dotnet add package</c>; each test starts from a copy of that project.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "Seedance.Generators";

    /// <summary>The SQLite journal's package, packed into the same feed; only the tests that journal add it.</summary>
    public const string JournalPackageId = "Seedance.Journal.Sqlite";
    public const string ProjectName = "Consumer";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(4);

    private readonly string _templateDirectory;
    private readonly Dictionary<string, string?> _environment;

    public PackageFixture()
    {
        var stopwatch = Stopwatch.StartNew();
        RepoRoot = FindRepoRoot();
        Version = ReadVersion(RepoRoot);
        Root = Path.Combine(Path.GetTempPath(), "seedance-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(Root, "feed");
        PackagesDirectory = Path.Combine(Root, "packages");
        _templateDirectory = Path.Combine(Root, "template");
        try
        {
            Directory.CreateDirectory(FeedDirectory);
            Directory.CreateDirectory(PackagesDirectory);
            Directory.CreateDirectory(_templateDirectory);

            // Nothing above the temporary folder (a stray Directory.Build.props, .editorconfig or
            // Directory.Packages.props in /tmp) may leak into the consumer projects.
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
            File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{FeedDirectory}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="local">
                      <package pattern="{PackageId}" />
                      <package pattern="{JournalPackageId}" />
                    </packageSource>
                    <packageSource key="nuget.org">
                      <package pattern="*" />
                    </packageSource>
                  </packageSourceMapping>
                  <config>
                    <add key="globalPackagesFolder" value="{PackagesDirectory}" />
                  </config>
                </configuration>
                """);

            _environment = DotnetEnvironment();
            _environment["NUGET_PACKAGES"] = PackagesDirectory;

            // 1. Pack. Its own build output goes under the temporary folder, so that this run neither
            //    reuses nor disturbs bin/obj of the repository that other builds may be using.
            var packEnvironment = DotnetEnvironment();
            Pack = ProcessRunner.Run("dotnet",
                ["pack", Path.Combine(RepoRoot, "src", "Seedance", "Seedance.csproj"), "-c", "Release", "-o", FeedDirectory,
                 "--artifacts-path", Path.Combine(Root, "artifacts"), "--nologo", "-v:q", "-nodeReuse:false"],
                RepoRoot, PackTimeout, packEnvironment);
            PackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
            if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack did not produce {PackagePath}.{Environment.NewLine}{Pack}");
            }
            var journalPack = ProcessRunner.Run("dotnet",
                ["pack", Path.Combine(RepoRoot, "src", "Seedance.Journal.Sqlite", "Seedance.Journal.Sqlite.csproj"), "-c", "Release", "-o", FeedDirectory,
                 "--artifacts-path", Path.Combine(Root, "artifacts"), "--nologo", "-v:q", "-nodeReuse:false"],
                RepoRoot, PackTimeout, packEnvironment);
            if (journalPack.ExitCode != 0 || !File.Exists(Path.Combine(FeedDirectory, $"{JournalPackageId}.{Version}.nupkg")))
            {
                throw new InvalidOperationException($"dotnet pack did not produce the journal's package.{Environment.NewLine}{journalPack}");
            }

            // 2. The consumer project: what `dotnet new console` gives (nullable, implicit usings), plus one
            //    [SeedanceClient] so that the request types are generated into its namespace.
            File.WriteAllText(Path.Combine(_templateDirectory, ProjectName + ".csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>MyApp</RootNamespace>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(_templateDirectory, "Program.cs"), "System.Console.WriteLine(\"Hello from the consumer.\");\n");
            File.WriteAllText(Path.Combine(_templateDirectory, "VideoClient.cs"), """
                using Seedance;

                namespace MyApp;

                [SeedanceClient]
                public partial class VideoClient { }
                """);

            // 3. Add the package by name and version, from the local feed (this restores, too).
            AddPackage = Dotnet(_templateDirectory, RestoreTimeout, "add", ProjectName + ".csproj", "package", PackageId, "--version", Version);
            var csproj = File.ReadAllText(Path.Combine(_templateDirectory, ProjectName + ".csproj"));
            if (AddPackage.ExitCode != 0 || !csproj.Contains($"<PackageReference Include=\"{PackageId}\" Version=\"{Version}\" />", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"dotnet add package failed or did not add the reference.{Environment.NewLine}{csproj}{Environment.NewLine}{AddPackage}");
            }
        }
        catch
        {
            DeleteRoot();
            throw;
        }
        SetupTime = stopwatch.Elapsed;
    }

    public string RepoRoot { get; }

    /// <summary>The package version, from Directory.Build.props.</summary>
    public string Version { get; }

    /// <summary>The temporary folder holding the feed, the private package cache and every project.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string PackagePath { get; }

    public ProcessResult Pack { get; }

    public ProcessResult AddPackage { get; }

    public TimeSpan SetupTime { get; }

    /// <summary>A fresh consumer project in its own folder: a copy of the project the package was added to (without bin/obj).</summary>
    public ConsumerProject CreateProject(string name)
    {
        var directory = Path.Combine(Root, "projects", name);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(_templateDirectory))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }
        return new ConsumerProject(this, directory);
    }

    /// <summary>Adds the SQLite journal's package to <paramref name="project"/>, from the local feed.</summary>
    public ProcessResult AddJournalPackage(ConsumerProject project) =>
        Dotnet(project.Directory, RestoreTimeout, "add", ProjectName + ".csproj", "package", JournalPackageId, "--version", Version);

    /// <summary>Runs the .NET CLI with the fixture's environment (private package folder, no telemetry, English output).</summary>
    public ProcessResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, timeout, _environment);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SEEDANCE_E2E_KEEP") == "1") return;
        DeleteRoot();
    }

    private void DeleteRoot()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A compiler server may still hold a file for a moment; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Dictionary<string, string?> DotnetEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["MSBUILDTERMINALLOGGER"] = "off",
        };
        // `dotnet test` runs this process with MSBuild's own variables (MSBuildExtensionsPath,
        // MSBuildSDKsPath, MSBUILD_EXE_PATH, …); inherited by a child `dotnet build` they can pin it
        // to the wrong SDK pieces. Start each child clean of them.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !environment.ContainsKey(key))
            {
                environment[key] = null;
            }
        }
        return environment;
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Seedance.Generators.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No Seedance.Generators.sln above {AppContext.BaseDirectory}.");
    }

    private static string ReadVersion(string repoRoot)
    {
        var props = XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props"));
        var version = props.Descendants("Version").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
        return version ?? throw new InvalidOperationException("Directory.Build.props has no <Version>.");
    }
}

/// <summary>One consumer project folder and the commands a developer would run in it.</summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private readonly PackageFixture _fixture;

    internal ConsumerProject(PackageFixture fixture, string directory)
    {
        _fixture = fixture;
        Directory = directory;
    }

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, PackageFixture.ProjectName + ".csproj");

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public void WriteFile(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void DeleteFile(string relativePath) => File.Delete(PathOf(relativePath));

    /// <summary><c>dotnet build</c> (with its implicit restore); warnings and errors still print at quiet verbosity.</summary>
    public ProcessResult Build() =>
        Dotnet(BuildTimeout, "build", ProjectFile, "--nologo", "-v:q", "-nodeReuse:false");

    public ProcessResult Run(params string[] arguments) =>
        Dotnet(RunTimeout, ["run", "--project", ProjectFile, "--no-build", "--", .. arguments]);

    public ProcessResult Dotnet(TimeSpan timeout, params string[] arguments) =>
        _fixture.Dotnet(Directory, timeout, arguments);

    public IReadOnlyList<BuildDiagnostic> Diagnostics(ProcessResult build) => BuildDiagnostics.Parse(build.Output, Directory);
}
