using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlugInnan.TestSupport;

namespace PlugInnan.Silo.Tests;

/// <summary>
/// The README's "First calls" as a new user types them: every <c>$</c> line of its example run word for
/// word in one shell against a fresh silo (only the port is this silo's), each answer compared with the
/// one printed under it. The pseudonymous student id differs per silo key, so it is compared as "an id".
/// </summary>
public sealed class ReadmeFirstCallsTests : IDisposable
{
    private const string Marker = "@@@ ";
    private readonly string folder = Directory.CreateTempSubdirectory("pluginnan-readme-").FullName;

    [Fact]
    public async Task The_READMEs_buf_curl_examples_work_word_for_word()
    {
        var examples = Examples();
        Assert.True(examples.Count >= 7, $"found {examples.Count} commands in the README's First calls");
        await using var silo = SiloProcess.Start(folder);
        await silo.WaitForOutputAsync("Plug Innan silo ready");

        var script = new StringBuilder();
        for (var i = 0; i < examples.Count; i++)
        {
            var command = examples[i].Command.Replace("127.0.0.1:50051", $"127.0.0.1:{silo.GrpcPort.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
            script.Append(CultureInfo.InvariantCulture, $"echo '{Marker}{i}'\n{command} 2>&1\necho \"{Marker}rc $?\"\n");
        }

        var file = Path.Combine(folder, "first-calls.sh");
        await File.WriteAllTextAsync(file, script.ToString());
        var (_, output, error) = await ExternalTool.RunAsync("bash", [file], ExternalTool.RepositoryRoot(), TimeSpan.FromMinutes(3));
        var answers = Answers(output);
        Assert.True(answers.Count == examples.Count, $"{answers.Count} of {examples.Count} commands ran:\n{output}\n{error}");

        for (var i = 0; i < examples.Count; i++)
        {
            var (command, expected) = examples[i];
            var (exitCode, actual) = answers[i];
            var failed = expected.Contains("\"code\":", StringComparison.Ordinal);
            Assert.True(failed ? exitCode != 0 : exitCode == 0, $"`{command}` exited with {exitCode}:\n{actual}");
            Assert.True(Matches(expected, actual), $"`{command}`\nREADME shows:\n{expected}\nthe silo answered:\n{actual}");
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// The commands of the README's First calls block and the answer printed under each. A command goes
    /// on while a quote is open. One command is written short ("…same as above…"): it is the earlier
    /// call to the same method with the fields it spells out changed.
    /// </summary>
    private static List<(string Command, string Expected)> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(ExternalTool.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("\n## First calls", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        var lines = block[..block.IndexOf("\n```", StringComparison.Ordinal)].Split('\n');
        var examples = new List<(string Command, List<string> Expected)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                examples[^1].Expected.Add(lines[i]);
                continue;
            }

            var command = lines[i][2..];
            while (command.Count(c => c == '\'') % 2 == 1)
            {
                command += "\n" + lines[++i];
            }

            if (command.Contains("…same as above…", StringComparison.Ordinal))
            {
                var method = command.Split(' ')[^1];
                var earlier = examples.Last(e => e.Command.EndsWith(method, StringComparison.Ordinal)).Command;
                foreach (Match field in Regex.Matches(command, "\"(\\w+)\":\"([^\"]*)\""))
                {
                    earlier = Regex.Replace(earlier, $"\"{field.Groups[1].Value}\":\"[^\"]*\"", field.Value);
                }

                command = earlier;
            }

            examples.Add((command, []));
        }

        return [.. examples.Select(e => (e.Command, string.Join('\n', e.Expected).Trim()))];
    }

    private static List<(int ExitCode, string Output)> Answers(string output)
    {
        var answers = new List<(int, string)>();
        foreach (Match m in Regex.Matches(output, $"{Marker}\\d+\\n(.*?){Marker}rc (\\d+)", RegexOptions.Singleline))
        {
            answers.Add((int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[1].Value.Trim()));
        }

        return answers;
    }

    /// <summary>
    /// An answer as the README prints it: JSON equal as JSON; a shortened answer ("…") begins with the
    /// lines printed before the first "…"; anything else line by line. No answer printed: anything goes.
    /// </summary>
    private static bool Matches(string expected, string actual)
    {
        (expected, actual) = (Masked(expected), Masked(actual));
        if (expected.Length == 0)
        {
            return true;
        }

        if (expected.Contains('…', StringComparison.Ordinal))
        {
            var shown = expected.Split('\n').TakeWhile(l => !l.Contains('…', StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            return actual.Split('\n').Select(l => l.Trim()).Take(shown.Count).SequenceEqual(shown);
        }

        return expected.StartsWith('{')
            ? JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual))
            : expected.Split('\n').Select(l => l.Trim()).SequenceEqual(actual.Split('\n').Select(l => l.Trim()));
    }

    private static string Masked(string text) => Regex.Replace(text, "\"studentId\": \"[0-9a-f]{32}\"", "\"studentId\": \"(an id)\"");
}
