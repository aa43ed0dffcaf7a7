namespace PlugInnan.Silo.Settings;

/// <summary>A setting the silo cannot start with; its message names the setting and is all the operator sees.</summary>
public sealed class SettingsException(string message) : Exception(message);
