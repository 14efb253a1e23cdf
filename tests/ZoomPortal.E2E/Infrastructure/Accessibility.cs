using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>axe-core checks for the page as it is now.</summary>
public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Fails when axe finds a violation of impact "serious" or "critical", listing each (id, impact, targets).</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.True(blocking.Count == 0, Describe(page.Url, blocking));
    }

    private static string Describe(string url, List<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append("axe found ").Append(violations.Count).Append(" serious or critical violation(s) on ").AppendLine(url);
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").AppendLine(violation.Help);
            foreach (var node in violation.Nodes)
            {
                text.Append("    at ").AppendLine(node.Target?.ToString());
            }
        }

        return text.ToString();
    }
}
