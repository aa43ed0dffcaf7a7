using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Silo.Settings;

/// <summary>
/// Section <c>Silo</c>: which service and cluster a silo belongs to. Silos on one PostgreSQL database
/// with the same ids form one cluster.
/// </summary>
public sealed class SiloIdentity
{
    public const string Section = "Silo";

    /// <summary>Keys all stored state (Orleans <c>ClusterOptions.ServiceId</c>): keep it for the life of the data.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ServiceId { get; set; } = "plug-innan";

    /// <summary>Orleans <c>ClusterOptions.ClusterId</c>: the silos that see each other as one cluster.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "plug-innan";
}
