using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlugInnan.Web.Access;
using PlugInnan.Web.Figures;

namespace PlugInnan.Web.Pages;

/// <summary>The region: every subproject the process leader has, now and at its baseline.</summary>
public sealed class RegionModel(DashboardReader reader) : PageModel
{
    public IReadOnlyList<SubprojectRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = WebUser.From(User);
        if (user.Role != WebRole.ProcessLeader)
        {
            return Forbid(WebServiceCollectionExtensions.Scheme);
        }

        Rows = await reader.RegionAsync(user);
        return Page();
    }
}
