// Cuts a byte stream into lines for the one-message-per-line protocol, holding
// at most one line's worth of bytes: an overlong line is reported and skipped.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <expected>

namespace omview {

// A line that grew past the limit; its bytes were dropped up to its '\n'.
struct LineTooLong {
    qsizetype limit;
    bool operator==(const LineTooLong &) const = default;
};

// Accumulates stream bytes and yields complete lines.
class LineFramer {
public:
    static constexpr qsizetype DefaultMaxLineLength = 16 * 1024 * 1024;

    explicit LineFramer(qsizetype maxLineLength = DefaultMaxLineLength);

    // Takes the next bytes of the stream and returns, in stream order, the
    // lines they complete (without "\n" or "\r\n"; empty lines are skipped)
    // and one LineTooLong for each line that exceeded the limit. The error
    // comes as soon as the limit is passed, not when the line ends.
    QList<std::expected<QByteArray, LineTooLong>> feed(QByteArrayView bytes);

    // Bytes of an incomplete line held back.
    qsizetype pending() const { return m_partial.size(); }
    qsizetype maxLineLength() const { return m_max; }
    // Forgets any incomplete line, e.g. when the stream reconnects.
    void reset();

private:
    qsizetype m_max;
    QByteArray m_partial;
    bool m_discarding = false; // inside an overlong line, until its '\n'
};

} // namespace omview
