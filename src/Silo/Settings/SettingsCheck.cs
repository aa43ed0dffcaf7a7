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

        Validate(settings, keyPrefix ?? section);
        return settings;
    }

    /// <summary>
    /// The object's own rules, then those of the project's settings objects it holds, alone or in
    /// lists (an account in <c>Web:Accounts</c> is named <c>Web:Accounts:0:KeySha256</c>).
    /// </summary>
    private static void Validate(object settings, string key)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            var first = results[0];
            throw new SettingsException($"{key}:{first.MemberNames.FirstOrDefault() ?? "?"} is not valid: {first.ErrorMessage}");
        }

        foreach (var property in settings.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            switch (property.GetValue(settings))
            {
                case string:
                    break;
                case System.Collections.IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (Ours(item))
                        {
                            Validate(item!, $"{key}:{property.Name}:{index}");
                        }

                        index++;
                    }

                    break;
                case { } value when Ours(value):
                    Validate(value, $"{key}:{property.Name}");
                    break;
            }
        }
    }

    private static bool Ours(object? value) => value?.GetType().Namespace?.StartsWith("PlugInnan", StringComparison.Ordinal) == true && value.GetType().IsClass;

    public static IPAddress Address(string value, string key) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new SettingsException($"{key} '{value}' is not an IP address; give the address other silos reach this one on.");
}
