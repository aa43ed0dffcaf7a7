using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PlugInnan.Silo.Settings;

/// <summary>Reads a settings section and checks it before anything starts, naming the first wrong setting.</summary>
internal static class SettingsCheck
{
    public static T Read<T>(IConfiguration configuration, string section, string? keyPrefix = null)
        where T : class, new()
    {
        T settings;
        try
        {
            settings = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the value it could not convert.
            throw new SettingsException($"{section}: {e.InnerException?.Message ?? e.Message}");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            var first = results[0];
            var name = first.MemberNames.FirstOrDefault() ?? "?";
            throw new SettingsException($"{keyPrefix ?? section}:{name} is not valid: {first.ErrorMessage}");
        }

        return settings;
    }

    public static IPAddress Address(string value, string key) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new SettingsException($"{key} '{value}' is not an IP address; give the address other silos reach this one on.");
}
