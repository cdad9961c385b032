// The agent's logging category (omview.agent): under systemd its stderr goes to the journal.
#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcAgent)

namespace omview::agent {

// A source that fails every interval is logged when it starts failing (or fails
// differently) and when it recovers, not once per interval.
class FailureNotice {
public:
    explicit FailureNotice(QString source)
        : m_source(std::move(source)) {}
    void failed(const QString &message);
    void succeeded();

private:
    QString m_source;
    QString m_last;
};

} // namespace omview::agent
