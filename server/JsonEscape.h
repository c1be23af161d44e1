#pragma once

// JSON's escapes as Qt's writer writes them, shared by the page writers that bypass it
// (OpportunityPageJson from UTF-16, SqlitePageJson from SQLite's UTF-8).
namespace JsonEscape {

inline char hexDigit(unsigned value)
{
    return static_cast<char>(value < 10 ? '0' + value : 'a' + value - 10);
}

// Writes the escape of `c` (a quote, a backslash or a control character below 0x20) at `out`
// and returns its length: 2 for the short forms, 6 for \u00XX.
inline int write(char *out, unsigned char c)
{
    out[0] = '\\';
    switch (c) {
    case '"':
        out[1] = '"';
        return 2;
    case '\\':
        out[1] = '\\';
        return 2;
    case 0x8:
        out[1] = 'b';
        return 2;
    case 0xc:
        out[1] = 'f';
        return 2;
    case 0xa:
        out[1] = 'n';
        return 2;
    case 0xd:
        out[1] = 'r';
        return 2;
    case 0x9:
        out[1] = 't';
        return 2;
    default:
        out[1] = 'u';
        out[2] = '0';
        out[3] = '0';
        out[4] = hexDigit(c >> 4);
        out[5] = hexDigit(c & 0xf);
        return 6;
    }
}

} // namespace JsonEscape
