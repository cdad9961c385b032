#include "omview/agent/agentlog.h"

Q_LOGGING_CATEGORY(lcAgent, "omview.agent")

namespace omview::agent {

void FailureNotice::failed(const QString &message) {
    if (message == m_last)
        return;
    m_last = message;
    qCWarning(lcAgent).noquote() << m_source << "failed:" << message;
}

void FailureNotice::succeeded() {
    if (m_last.isEmpty())
        return;
    m_last.clear();
    qCInfo(lcAgent).noquote() << m_source << "works again";
}

} // namespace omview::agent
