using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;

namespace Seedance.EndToEnd.Tests;

/// <summary>The outcome of one finished process: exit code, both streams and how long it took.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Standard output followed by standard error: what a developer would see in a terminal.</summary>
    public string Output => StandardError.Length == 0 ? StandardOutput : StandardOutput + Environment.NewLine + StandardError;

    /// <summary>Everything about the run, for assertion messages.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("$ ").AppendLine(CommandLine);
        builder.Append("  in ").Append(WorkingDirectory).Append(", exit code ").Append(ExitCode)
            .Append(", ").Append(Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(" s");
        builder.AppendLine("--- stdout ---").AppendLine(StandardOutput.TrimEnd());
        builder.AppendLine("--- stderr ---").AppendLine(StandardError.TrimEnd());
        return builder.ToString();
    }
}

/// <summary>Thrown when a process outlives its timeout; carries what it printed until then.</summary>
internal sealed class ProcessTimeoutException(string message) : Exception(message);

/// <summary>
/// Runs a process to completion with a timeout, capturing stdout and stderr. On timeout the process
/// and every process it started are killed (by this process's handle, nothing else), and the output
/// so far goes into the exception message.
/// </summary>
internal static class ProcessRunner
{
    // After the process exits, its grandchildren (the compiler server, MSBuild nodes) may still hold
    // the pipes open; wait this long for end-of-stream, then take what arrived.
    private static readonly TimeSpan StreamDrainTimeout = TimeSpan.FromSeconds(10);

    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var args = arguments.ToArray();
        var commandLine = fileName + " " + string.Join(" ", args.Select(Quote));
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in args) startInfo.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null) startInfo.Environment.Remove(name);
                else startInfo.Environment[name] = value;
            }
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var stdoutClosed = new ManualResetEventSlim();
        using var stderrClosed = new ManualResetEventSlim();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) stdoutClosed.Set();
            else lock (stdout) stdout.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) stderrClosed.Set();
            else lock (stderr) stderr.AppendLine(e.Data);
        };

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }
            stdoutClosed.Wait(StreamDrainTimeout);
            stderrClosed.Wait(StreamDrainTimeout);
            throw new ProcessTimeoutException(
                $"Timed out after {timeout.TotalSeconds:0} s: {commandLine}{Environment.NewLine}" +
                $"--- stdout ---{Environment.NewLine}{Snapshot(stdout)}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Snapshot(stderr)}");
        }

        stdoutClosed.Wait(StreamDrainTimeout);
        stderrClosed.Wait(StreamDrainTimeout);
        stopwatch.Stop();
        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder) return builder.ToString();
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.IndexOfAny([' ', '"', '\'', '\t']) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
