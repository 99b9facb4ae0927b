using System.Globalization;

namespace ChatOps.Benchmarks;

/// <summary>The benchmarks' arguments: <c>--flag value</c> pairs, with numbers bounded so every run ends by itself.</summary>
internal static class CommandLine
{
    /// <summary>The flags with their values, in order; a flag without its value is refused.</summary>
    public static IEnumerable<(string Flag, string Value)> Pairs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
            yield return (args[i], i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value"));
    }

    public static TimeSpan Seconds(string value, double min, double max) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s >= min && s <= max
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"'{value}' is not a number of seconds from {min} to {max}");

    public static int Bounded(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"'{value}' is not a whole number from {min} to {max}");

    /// <summary>The command's options, or null once the reason they do not parse has been written to stderr (the command exits 2).</summary>
    public static T? Parse<T>(IReadOnlyList<string> args, Func<IReadOnlyList<string>, T> parse)
        where T : class
    {
        try
        {
            return parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
