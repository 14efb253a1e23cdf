namespace ZoomPortal.Features.Auth;

/// <summary>Open-redirect guard: only local, rooted paths survive; anything else becomes the home page.</summary>
internal static class ReturnUrl
{
    /// <summary>Where a sign-in lands: where the user was going, else the meetings (the home page only says "sign in").</summary>
    public const string DefaultAfterSignIn = "/meetings";

    public static string AfterSignIn(string? returnUrl) => Sanitize(returnUrl) is "/" ? DefaultAfterSignIn : Sanitize(returnUrl);

    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048)
        {
            return "/";
        }

        // "/x" is local; "//host" and "/\host" are protocol-relative and leave the site; control characters are never valid.
        var isLocal = returnUrl[0] == '/' &&
            (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\')) &&
            !returnUrl.Any(char.IsControl);
        return isLocal ? returnUrl : "/";
    }
}
