using System.ComponentModel.DataAnnotations;

namespace PlugInnan.Runtime;

/// <summary>Which deployment this silo belongs to; storage keys all state by <see cref="ServiceId"/>.</summary>
public sealed class ClusterOptions
{
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ServiceId { get; set; } = "plug-innan";
}
