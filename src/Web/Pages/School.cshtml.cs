using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlugInnan.Web.Access;
using PlugInnan.Web.Figures;

namespace PlugInnan.Web.Pages;

/// <summary>A school: its figures, its trend and its follow-up backlog; a school leader's own school or one of a process leader's subprojects.</summary>
public sealed class SchoolModel(DashboardReader reader) : PageModel
{
    public SchoolPage? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var subprojects = await reader.SubprojectsOfAsync(code);
        if (!WebUser.From(User).SeesSchool(code, subprojects))
        {
            return Forbid(WebServiceCollectionExtensions.Scheme);
        }

        View = await reader.SchoolAsync(code, subprojects);
        return View is null ? NotFound() : Page();
    }
}
