using PlugInnan.TestSupport;

namespace PlugInnan.Api.Tests;

/// <summary>The public protos follow buf's STANDARD style rules (protos/buf.yaml), checked by buf itself.</summary>
public sealed class ProtoLintTests
{
    [Fact]
    public async Task The_pluginnan_v1_protos_pass_buf_lint()
    {
        var root = ExternalTool.RepositoryRoot();
        var buf = Path.Combine(root, "tests", "interop", "node_modules", ".bin", "buf");
        Assert.True(File.Exists(buf), "buf is missing: ./test.sh installs it (npm install in tests/interop).");

        var (exitCode, output, error) = await ExternalTool.RunAsync(buf, ["lint"], Path.Combine(root, "protos"));

        Assert.True(exitCode == 0, $"buf lint found problems:\n{output}{error}");
    }
}
