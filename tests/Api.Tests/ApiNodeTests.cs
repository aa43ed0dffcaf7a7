using System.Globalization;
using PlugInnan.TestSupport;

namespace PlugInnan.Api.Tests;

/// <summary>
/// The API from a client we did not write: tests/interop/api-client.mjs on @grpc/grpc-js, loading
/// the .proto files from protos/ and calling the real silo with the development key.
/// </summary>
[Collection(ApiSiloDefinition.Name)]
public sealed class ApiNodeTests(ApiSilo silo)
{
    [Theory]
    [InlineData("main", 7)]
    [InlineData("validation", 34)]
    public async Task The_grpc_js_client_passes_every_step(string scenario, int steps)
    {
        var folder = Path.Combine(ExternalTool.RepositoryRoot(), "tests", "interop");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@grpc", "grpc-js")),
            "The client's packages are missing: ./test.sh installs them (npm install in tests/interop).");

        var (exitCode, output, error) = await ExternalTool.RunAsync(
            "node", ["api-client.mjs", "--port", silo.Port.ToString(CultureInfo.InvariantCulture), "--key", "local-development-key", "--scenario", scenario], folder);

        Assert.True(exitCode == 0, $"{scenario} failed:\n{output}{error}");
        Assert.Equal(steps, output.Split('\n').Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
    }
}
