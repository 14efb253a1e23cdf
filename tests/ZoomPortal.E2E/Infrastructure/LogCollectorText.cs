using Microsoft.Extensions.Logging.Testing;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>Reads a <see cref="FakeLogCollector"/> as an operator would read the logs: messages, structured values, scopes, exceptions.</summary>
internal static class LogCollectorText
{
    /// <summary>Each record's message, each of its structured values and scope values, and its exception, one string each.</summary>
    public static IEnumerable<string> Lines(this FakeLogCollector logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        foreach (var record in logs.GetSnapshot())
        {
            yield return $"{record.Category} [{record.Level}] {record.Message} {record.Exception}";
            foreach (var (key, value) in record.StructuredState ?? [])
            {
                yield return $"{record.Category} {key}={value}";
            }

            foreach (var scope in record.Scopes)
            {
                yield return $"{record.Category} scope: {scope}";
            }
        }
    }

    public static IReadOnlyList<string> Containing(this FakeLogCollector logs, string text) =>
        [.. logs.Lines().Where(l => l.Contains(text, StringComparison.Ordinal))];
}
