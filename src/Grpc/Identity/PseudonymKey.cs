using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlugInnan.Grains.Identity;

namespace PlugInnan.Api.Identity;

/// <summary>
/// Loads the silo secret that turns civic numbers into student ids: from <c>Api:PseudonymKey</c>, or
/// from the key file, created with a new random key (readable by the silo's user only) when missing.
/// </summary>
internal static partial class PseudonymKey
{
    private const int KeyBytes = 32;

    public static StudentPseudonym Load(IOptions<ApiOptions> options, ILogger logger)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.PseudonymKey))
        {
            return new StudentPseudonym(Decode(settings.PseudonymKey, $"{ApiOptions.Section}:PseudonymKey"));
        }

        var path = Path.GetFullPath(settings.PseudonymKeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyBytes));
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // the silo's user only
            }

            using (var file = new FileStream(path, create))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(key);
            }

            LogCreated(logger, path);
        }

        return new StudentPseudonym(Decode(File.ReadAllText(path).Trim(), path));
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The pseudonymisation key in {source} is not base64.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created a new pseudonymisation key in {Path}. Back it up with the database: without it no civic number finds its student again.")]
    private static partial void LogCreated(ILogger logger, string path);
}
