namespace ChatOps.Benchmarks;

/// <summary>The few statistics the benchmarks report: nearest-rank percentiles and least-squares memory trends.</summary>
internal static class Statistics
{
    /// <summary>"Flat" memory: what the slope after warm-up would add over 10 minutes stays under this many MB.</summary>
    public const double FlatMbPer10Minutes = 16;

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–1) of a sorted, non-empty list.</summary>
    public static T NearestRank<T>(IReadOnlyList<T> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The least-squares slope of the points (Y per unit of X); NaN with fewer than two.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
            return double.NaN;
        var (mx, my) = (points.Average(p => p.X), points.Average(p => p.Y));
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }
}
