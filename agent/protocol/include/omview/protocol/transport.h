// A byte stream to an agent carrying one message per line; implementations
// for the local socket here, for SSH in the console. Reconnecting is the
// caller's business.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace omview {

// A line-oriented connection to one agent.
class Transport : public QObject {
    Q_OBJECT

public:
    enum class State { Closed, Opening, Open };
    Q_ENUM(State)

    using QObject::QObject;

    State state() const { return m_state; }
    // Where it leads, for messages: "local socket /run/omagentd.sock".
    virtual QString description() const = 0;

    // Starts connecting; stateChanged(Open) or errorOccurred + stateChanged(Closed) follow.
    virtual void open() = 0;
    // Closes at once (state Closed on return); no lineReceived follows. What
    // the transport can still send without blocking is sent first.
    virtual void close() = 0;
    // Queues one framed line: exactly one '\n', at its end (rpc::serialize
    // makes such lines). False, and nothing sent, when not open or malformed.
    virtual bool sendLine(const QByteArray &line) = 0;

signals:
    // One received line, without its '\n'.
    void lineReceived(const QByteArray &line);
    void stateChanged(omview::Transport::State state);
    // What went wrong, for people: "local socket /run/x.sock: Connection refused".
    void errorOccurred(const QString &message);

protected:
    // Records the state and emits stateChanged when it differs.
    void setState(State state);
    // True when line is one line ending in its only '\n'.
    static bool isFramedLine(const QByteArray &line);

private:
    State m_state = State::Closed;
};

} // namespace omview
