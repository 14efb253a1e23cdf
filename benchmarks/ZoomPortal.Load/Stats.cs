using System.Globalization;

namespace ZoomPortal.Load;

internal static class Stats
{
    /// <summary>Nearest-rank percentile of already sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Kb(double bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("N1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The machine's 1-minute load average (/proc/loadavg), as text.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>Runs <paramref name="work"/> for each item with at most <paramref name="parallel"/> at a time.</summary>
    public static async Task<T[]> ForEachAsync<T>(int count, int parallel, Func<int, Task<T>> work)
    {
        using var gate = new SemaphoreSlim(parallel);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await work(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
