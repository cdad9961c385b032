#include <omview/protocol/transport.h>

namespace omview {

void Transport::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool Transport::isFramedLine(const QByteArray &line) {
    return !line.isEmpty() && line.indexOf('\n') == line.size() - 1;
}

} // namespace omview
