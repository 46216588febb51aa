using System.Globalization;

namespace Classroom.Bench;

/// <summary><c>--name value</c> pairs from the command line.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static BenchOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected '--name value' or '--flag', found '{args[i]}'");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[args[i][2..]] = hasValue ? args[++i] : "true";
        }

        return options;
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out var text) ? text : throw new ArgumentException($"--{name} is required");

    public bool Flag(string name) => _values.TryGetValue(name, out var text) && text is "true" or "1";

    public int Int(string name, int fallback, int min = 1, int max = int.MaxValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
    }
}
