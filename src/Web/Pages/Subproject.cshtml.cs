using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlugInnan.Web.Access;
using PlugInnan.Web.Figures;

namespace PlugInnan.Web.Pages;

/// <summary>A subproject: its measures against the baseline, their weekly trend, its interventions and its schools.</summary>
public sealed class SubprojectModel(DashboardReader reader) : PageModel
{
    public SubprojectPage? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!WebUser.From(User).SeesSubproject(id))
        {
            return Forbid(WebServiceCollectionExtensions.Scheme);
        }

        View = await reader.SubprojectAsync(id);
        return View is null ? NotFound() : Page();
    }
}
