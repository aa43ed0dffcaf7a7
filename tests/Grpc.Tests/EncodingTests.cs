namespace PlugInnan.Grpc.Tests;

public sealed class EncodingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("50 % off", "50 %25 off")]
    [InlineData("\t\ntab", "%09%0Atab")]
    [InlineData("☺", "%E2%98%BA")]
    [InlineData("😈", "%F0%9F%98%88")]
    public void Status_message_is_percent_encoded_as_the_specification_says(string message, string encoded)
    {
        Assert.Equal(encoded, StatusMessageEncoding.Encode(message));
        Assert.Equal(message, StatusMessageEncoding.Decode(encoded));
    }

    [Fact]
    public void Malformed_percent_sequences_are_kept_as_they_are() =>
        Assert.Equal("%zz and %4", StatusMessageEncoding.Decode("%zz and %4"));

    [Theory]
    [InlineData("2H", 7_200_000.0)]
    [InlineData("3M", 180_000.0)]
    [InlineData("4S", 4_000.0)]
    [InlineData("250m", 250.0)]
    [InlineData("1500u", 1.5)]
    [InlineData("2000000n", 2.0)]
    [InlineData("0m", 0.0)]
    public void Timeouts_parse_in_every_unit(string header, double milliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(milliseconds, timeout.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("10x")]
    public void Malformed_timeouts_are_rejected(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(1.0)]
    [InlineData(30_000.0)]
    [InlineData(180_000_000.0)]
    [InlineData(34_560_000_000.0)]
    public void Formatted_timeouts_stay_within_eight_digits_and_parse_back(double milliseconds)
    {
        var timeout = TimeSpan.FromMilliseconds(milliseconds);
        var header = GrpcTimeout.Format(timeout);

        Assert.InRange(header.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.Equal(timeout, parsed);
    }
}
