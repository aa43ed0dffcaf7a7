using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlugInnan.Web.Pages;

/// <summary>Sign-out, by post only (with the anti-forgery token), so no link or image can sign someone out.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebServiceCollectionExtensions.Scheme);
        return Redirect("/logga-in");
    }
}
