using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlugInnan.Web.Access;

namespace PlugInnan.Web.Pages;

/// <summary>Start: a process leader to the region, a school leader to their school.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var user = WebUser.From(User);
        return user.Role == WebRole.SchoolLeader && user.Schools.Count > 0
            ? Redirect($"/skola/{Uri.EscapeDataString(user.Schools.Order(StringComparer.Ordinal).First())}")
            : Redirect("/region");
    }
}
