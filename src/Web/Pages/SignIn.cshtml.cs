using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlugInnan.Web.Access;

namespace PlugInnan.Web.Pages;

/// <summary>Sign-in with an account from configuration; the form carries an anti-forgery token (Razor Pages checks it on every post).</summary>
public sealed class SignInModel(WebAccounts accounts, WebSettings settings) : PageModel
{
    public OpenIdConnectSettings External => settings.OpenIdConnect;

    /// <summary>The identity provider signed the person in but gave no role the pages know.</summary>
    public bool ExternalRefused => Request.Query["extern"] == "nekad";

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Key { get; set; } = "";

    public bool Failed { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (accounts.Find(Name, Key) is not { } user)
        {
            Failed = true;
            Key = "";
            return Page();
        }

        await HttpContext.SignInAsync(WebServiceCollectionExtensions.Scheme, user.ToPrincipal(WebServiceCollectionExtensions.Scheme));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>To the municipality's identity provider (a post with the anti-forgery token, like the form above).</summary>
    public IActionResult OnPostExternal(string? returnUrl) =>
        External.Enabled
            ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, WebServiceCollectionExtensions.ExternalScheme)
            : NotFound();
}
