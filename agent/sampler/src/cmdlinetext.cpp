#include "cmdlinetext.h"

#include <algorithm>

namespace omview::sampler {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// How many bytes the UTF-8 sequence led by byte takes (1 for anything that
// is not a lead byte, so malformed input is left to fromUtf8).
std::size_t sequenceLength(unsigned char byte) {
    if ((byte & 0xE0) == 0xC0)
        return 2;
    if ((byte & 0xF0) == 0xE0)
        return 3;
    if ((byte & 0xF8) == 0xF0)
        return 4;
    return 1;
}

// The length of bytes without a multi-byte character cut off at its end.
std::size_t wholeCharacters(std::span<const char> bytes) {
    std::size_t lead = bytes.size();
    int continuations = 0;
    while (lead > 0 && continuations < 3 &&
           isContinuation(static_cast<unsigned char>(bytes[lead - 1]))) {
        --lead;
        ++continuations;
    }
    if (lead == 0)
        return bytes.size();
    --lead;
    const std::size_t needed = sequenceLength(static_cast<unsigned char>(bytes[lead]));
    return needed > 1 && lead + needed > bytes.size() ? lead : bytes.size();
}

} // namespace

QString cmdlineText(std::span<char> raw, bool truncated) {
    std::size_t length = raw.size();
    if (truncated) {
        length = wholeCharacters(raw);
    } else {
        while (length > 0 && raw[length - 1] == '\0')
            --length;
    }
    std::replace(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(length), '\0', ' ');
    QString text = QString::fromUtf8(raw.data(), static_cast<qsizetype>(length));
    if (truncated)
        text += QChar(0x2026);
    return text;
}

} // namespace omview::sampler
