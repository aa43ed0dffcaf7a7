using PlugInnan.TestSupport;

namespace PlugInnan.Grpc.Tests;

/// <summary>buf curl (from npm's @bufbuild/buf), a tool we did not write, calling the server through reflection alone.</summary>
public sealed class BufCurlTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    [Theory]
    [InlineData("grpc-v1")]
    [InlineData("grpc-v1alpha")]
    public async Task Buf_curl_lists_the_services_through_reflection(string reflectProtocol)
    {
        var output = await BufCurlAsync("--reflect-protocol", reflectProtocol, "--list-services", Address(""));

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Buf_curl_calls_a_method_with_no_proto_files_at_hand()
    {
        var output = await BufCurlAsync("-d", """{"responseSize": 3}""", Address("/grpc.testing.TestService/UnaryCall"));

        Assert.Contains("\"body\": \"AAAA\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buf_curl_checks_health()
    {
        var output = await BufCurlAsync(Address("/grpc.health.v1.Health/Check"));

        Assert.Contains("\"status\": \"SERVING\"", output, StringComparison.Ordinal);
    }

    private string Address(string path) => $"http://127.0.0.1:{server.Port}{path}";

    private static async Task<string> BufCurlAsync(params string[] arguments)
    {
        var buf = Path.Combine(ExternalTool.RepositoryRoot(), "tests", "interop", "node_modules", ".bin", "buf");
        Assert.True(File.Exists(buf), "buf is missing: ./test.sh installs it (npm install in tests/interop).");
        var (exitCode, output, error) = await ExternalTool.RunAsync(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", .. arguments]);
        Assert.True(exitCode == 0, $"buf curl {string.Join(' ', arguments)} failed: {error}");
        return output;
    }
}
