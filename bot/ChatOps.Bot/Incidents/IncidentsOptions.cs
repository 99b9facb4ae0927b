using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Incidents;

/// <summary>Where the playbooks and the clients come from (section Incidents).</summary>
public sealed class IncidentsOptions
{
    public const string Section = "Incidents";

    /// <summary>Playbook files; relative paths are under the app's folder. A provider may add its own.</summary>
    [MinLength(1)]
    public string[] PlaybookFiles { get; set; } = ["playbooks/emergency-response.yaml", "playbooks/cloud-response.yaml"];

    /// <summary>The SLA calendars and policies a client's <c>slaPolicy</c> names; relative paths are under the app's folder.</summary>
    [Required]
    public string SlaFile { get; set; } = "sla/sla-policies.yaml";

    /// <summary>The clients file, stored into Azure Tables at start; empty when clients are managed only in the table.</summary>
    public string? ClientsFile { get; set; }
}
