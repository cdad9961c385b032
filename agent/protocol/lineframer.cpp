#include <omview/protocol/lineframer.h>
#include <utility>

namespace omview {

LineFramer::LineFramer(qsizetype maxLineLength)
    : m_max(maxLineLength) {}

void LineFramer::reset() {
    m_partial.clear();
    m_discarding = false;
}

QList<std::expected<QByteArray, LineTooLong>> LineFramer::feed(QByteArrayView bytes) {
    QList<std::expected<QByteArray, LineTooLong>> out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        const QByteArrayView chunk = bytes.sliced(pos, end - pos);
        if (!m_discarding) {
            if (m_partial.size() + chunk.size() > m_max) {
                out.append(std::unexpected(LineTooLong{m_max}));
                m_partial = QByteArray();
                m_discarding = true;
            } else {
                m_partial.append(chunk);
            }
        }
        if (newline < 0)
            break;
        if (!m_discarding) {
            QByteArray line = std::exchange(m_partial, QByteArray());
            if (line.endsWith('\r'))
                line.chop(1);
            if (!line.isEmpty())
                out.append(std::move(line));
        }
        m_discarding = false;
        pos = newline + 1;
    }
    return out;
}

} // namespace omview
