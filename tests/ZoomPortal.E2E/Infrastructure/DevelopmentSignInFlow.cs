namespace ZoomPortal.E2E.Infrastructure;

/// <summary>Signs a browser in through the real development sign-in form, as a person would.</summary>
public static class DevelopmentSignInFlow
{
    /// <summary>Fills and posts the form on the current page (the development sign-in page must be showing).</summary>
    public static async Task SubmitAsync(IPage page, string name, string role, string? groups = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        // The page is static server rendering (a plain form POST), so there is no circuit to wait for. Fields by id and
        // the form's own submit button, not by their words: German stories sign in the same way (the role names are the
        // portal's roles in every language).
        await page.Locator("#dev-name").FillAsync(name);
        if (groups is not null)
        {
            await page.Locator("#dev-groups").FillAsync(groups);
        }

        if (email is not null)
        {
            await page.Locator("#dev-email").FillAsync(email);
        }

        await page.GetByRole(AriaRole.Radio, new() { Name = role, Exact = true }).CheckAsync();
        await page.Locator("form.dev-signin-form").GetByRole(AriaRole.Button).ClickAsync();
    }

    /// <summary>Opens the sign-in page asking to come back to <paramref name="returnUrl"/>, signs in and waits to arrive.</summary>
    public static async Task SignInAsync(IPage page, string name, string role, string returnUrl = "/meetings", string? groups = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/authentication/dev-signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await SubmitAsync(page, name, role, groups, email);
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl);
    }
}
