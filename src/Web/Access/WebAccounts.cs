namespace PlugInnan.Web.Access;

/// <summary>The accounts from configuration, checked by name and the SHA-256 of the key, in constant time.</summary>
public sealed class WebAccounts(WebSettings settings)
{
    public WebUser? Find(string name, string key)
    {
        var account = settings.Accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal) && KeyHashes.Matches(key, a.KeySha256));
        return account is null ? null : new WebUser(
            account.Name, account.Role, account.Subprojects.ToHashSet(StringComparer.Ordinal), account.Schools.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether an account still has the published development key (refused off loopback).</summary>
    public bool UsesDevelopmentKey() =>
        settings.Accounts.Any(a => string.Equals(a.KeySha256, KeyHashes.Of(WebSettings.DevelopmentKey), StringComparison.OrdinalIgnoreCase));
}
