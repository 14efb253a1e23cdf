using System.Text;

namespace ZoomPortal.Features.Meetings.Calendar;

/// <summary>Content lines as RFC 5545 §3.1 wants them: CRLF, folded at 75 octets without splitting a UTF-8 character.</summary>
internal sealed class IcsWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    public void Line(string line)
    {
        var octets = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > (first ? MaxOctets : MaxOctets - 1))
            {
                _text.Append("\r\n ");
                octets = 0;
                first = false;
            }

            _text.Append(rune.ToString());
            octets += size;
        }

        _text.Append("\r\n");
    }

    /// <summary>A TEXT property: backslash, semicolon, comma and line breaks escaped; other control characters dropped.</summary>
    public void Text(string name, string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\n': escaped.Append(@"\n"); break;
                case var control when char.IsControl(control): break;
                default: escaped.Append(c); break;
            }
        }

        Line($"{name}:{escaped}");
    }

    public override string ToString() => _text.ToString();
}
