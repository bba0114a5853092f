using System.Globalization;
using System.Text;
using System.Threading;

namespace Seedance.Rules.Json;

/// <summary>
/// A strict RFC 8259 reader that keeps source offsets. It never throws on bad input: it stops at the
/// first error and reports it. Nesting is capped so that hostile input cannot exhaust the stack.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private int _pos;
    private JsonError? _error;

    private JsonParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    public static JsonNode? Parse(string text, out JsonError? error, CancellationToken cancellationToken = default)
    {
        var parser = new JsonParser(text ?? string.Empty, cancellationToken);
        if (parser._text.Length > 0 && parser._text[0] == '\uFEFF') parser._pos = 1;
        parser.SkipWhitespace();
        var root = parser.ParseValue(0);
        if (parser._error is null)
        {
            parser.SkipWhitespace();
            if (parser._pos < parser._text.Length) parser.Fail("Unexpected text after the end of the JSON document");
        }
        error = parser._error;
        return error is null ? root : null;
    }

    private JsonNode? Fail(string message)
    {
        _error ??= new JsonError(message, _pos);
        return null;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') _pos++;
            else break;
        }
    }

    private JsonNode? ParseValue(int depth)
    {
        if (depth > MaxDepth) return Fail("JSON is nested too deeply");
        if (_pos >= _text.Length) return Fail("Unexpected end of the JSON document; expected a value");
        switch (_text[_pos])
        {
            case '{': return ParseObject(depth);
            case '[': return ParseArray(depth);
            case '"':
                var start = _pos;
                var value = ParseString();
                return value is null ? null : JsonNode.NewString(start, _pos, value);
            case 't': return ParseLiteral("true", JsonKind.True);
            case 'f': return ParseLiteral("false", JsonKind.False);
            case 'n': return ParseLiteral("null", JsonKind.Null);
            default:
                var c = _text[_pos];
                if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                return Fail($"Unexpected character '{c}'; expected a value");
        }
    }

    private JsonNode? ParseLiteral(string word, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return Fail($"Unexpected token; expected '{word}'");
        var start = _pos;
        _pos += word.Length;
        return JsonNode.NewLiteral(kind, start, _pos);
    }

    private JsonNode? ParseNumber()
    {
        var start = _pos;
        var integral = true;
        if (_text[_pos] == '-') _pos++;
        if (_pos >= _text.Length || !IsDigit(_text[_pos])) return Fail("Invalid number");
        if (_text[_pos] == '0') _pos++;
        else while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            integral = false;
            _pos++;
            if (_pos >= _text.Length || !IsDigit(_text[_pos])) return Fail("Invalid number: expected a digit after '.'");
            while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            integral = false;
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
            if (_pos >= _text.Length || !IsDigit(_text[_pos])) return Fail("Invalid number: expected a digit in the exponent");
            while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
        }
        var raw = _text.Substring(start, _pos - start);
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        var isInt32 = integral && value >= int.MinValue && value <= int.MaxValue;
        return JsonNode.NewNumber(start, _pos, value, isInt32);
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>Reads a string starting at the opening quote; leaves <see cref="_pos"/> past the closing quote.</summary>
    private string? ParseString()
    {
        _pos++;
        StringBuilder? builder = null;
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Fail("Unterminated string");
                return null;
            }
            var c = _text[_pos];
            if (c == '"')
            {
                string result;
                if (builder is null) result = _text.Substring(runStart, _pos - runStart);
                else result = builder.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return result;
            }
            if (c < ' ')
            {
                Fail(c == '\n' ? "Unterminated string (line break inside a string)" : "Control character inside a string must be escaped");
                return null;
            }
            if (c != '\\')
            {
                _pos++;
                continue;
            }
            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _pos - runStart);
            if (_pos + 1 >= _text.Length)
            {
                _pos++;
                Fail("Unterminated string");
                return null;
            }
            var e = _text[_pos + 1];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 6 > _text.Length || !ushort.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        Fail("Invalid \\u escape: expected four hexadecimal digits");
                        return null;
                    }
                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    Fail($"Invalid escape sequence '\\{e}'");
                    return null;
            }
            _pos += 2;
            runStart = _pos;
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        var node = JsonNode.NewObject(_pos);
        _pos++;
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            node.End = _pos;
            return node;
        }
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            if (_pos >= _text.Length) return Fail("Unexpected end of the JSON document; expected a property name");
            if (_text[_pos] != '"') return Fail("Expected a property name in double quotes");
            var nameStart = _pos;
            var name = ParseString();
            if (name is null) return null;
            var nameEnd = _pos;
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':') return Fail("Expected ':' after the property name");
            _pos++;
            SkipWhitespace();
            var value = ParseValue(depth + 1);
            if (value is null) return null;
            node.Properties!.Add(new JsonProperty(name, nameStart, nameEnd, value));
            SkipWhitespace();
            if (_pos >= _text.Length) return Fail("Unexpected end of the JSON document; expected ',' or '}'");
            if (_text[_pos] == ',')
            {
                _pos++;
                continue;
            }
            if (_text[_pos] == '}')
            {
                _pos++;
                node.End = _pos;
                return node;
            }
            return Fail("Expected ',' or '}'");
        }
    }

    private JsonNode? ParseArray(int depth)
    {
        var node = JsonNode.NewArray(_pos);
        _pos++;
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == ']')
        {
            _pos++;
            node.End = _pos;
            return node;
        }
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            var value = ParseValue(depth + 1);
            if (value is null) return null;
            node.Items!.Add(value);
            SkipWhitespace();
            if (_pos >= _text.Length) return Fail("Unexpected end of the JSON document; expected ',' or ']'");
            if (_text[_pos] == ',')
            {
                _pos++;
                continue;
            }
            if (_text[_pos] == ']')
            {
                _pos++;
                node.End = _pos;
                return node;
            }
            return Fail("Expected ',' or ']'");
        }
    }
}
