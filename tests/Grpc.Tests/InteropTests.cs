using PlugInnan.TestSupport;

namespace PlugInnan.Grpc.Tests;

/// <summary>
/// gRPC's interop test cases, driven by tests/interop/client.mjs on @grpc/grpc-js (an independent
/// implementation) against grpc.testing.TestService on this project's gRPC layer.
/// </summary>
public sealed class InteropTests(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    public static TheoryData<string> Cases =>
    [
        "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
        "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server", "custom_metadata",
        "status_code_and_message", "special_status_message", "unimplemented_method", "unimplemented_service",
        "client_compressed_unary", "server_compressed_unary", "client_compressed_streaming", "server_compressed_streaming",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Interop_case_passes_with_grpc_js(string testCase)
    {
        var folder = Path.Combine(ExternalTool.RepositoryRoot(), "tests", "interop");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@grpc", "grpc-js")),
            "The interop client's packages are missing: ./test.sh installs them (npm install in tests/interop).");
        var (exitCode, output, error) = await ExternalTool.RunAsync(
            "node", ["client.mjs", "--server_port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--test_case", testCase], folder);

        Assert.True(exitCode == 0, $"{testCase} failed:\n{output}{error}");
        Assert.Contains($"PASS {testCase}", output, StringComparison.Ordinal);
    }
}
