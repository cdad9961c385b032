#include "logging.h"

#include <algorithm>
#include <omview/peers/peerforwarder.h>

namespace omview::peers {

PeerForwarder::PeerForwarder(const PeerConfig &config, const ClusterKey &key, NodeId self,
                             const NodeMap &members, QObject *parent)
    : QObject(parent)
    , m_config(config) {
    m_setup.channelKey = key.derive("channel");
    m_setup.self = self;
    m_setup.handshakeTimeoutMs = config.handshakeTimeoutMs;
    setMembers(members);
}

PeerForwarder::~PeerForwarder() {
    // Callers are told nothing once the forwarder is gone: the callbacks may
    // reference objects that go with it.
    for (Link &link : m_links) {
        if (link.channel)
            link.channel->disconnect(this);
    }
}

void PeerForwarder::setMembers(const NodeMap &members) {
    m_members = members;
    m_setup.selfAddress = members.addressOf(m_setup.self).value_or(QHostAddress());
}

qsizetype PeerForwarder::openChannels() const {
    qsizetype n = 0;
    for (const Link &link : m_links)
        n += link.channel && link.channel->isOpen() ? 1 : 0;
    return n;
}

qsizetype PeerForwarder::pendingRequests() const {
    qsizetype n = 0;
    for (const Link &link : m_links)
        n += link.pending.size();
    return n;
}

void PeerForwarder::failLater(ForwardCallback done, ForwardError error) {
    qCDebug(lcPeers).noquote() << "forwarding to node" << error.node << "failed:" << error.message;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), error = std::move(error)] { done(std::unexpected(error)); },
        Qt::QueuedConnection);
}

void PeerForwarder::forward(NodeId node, QByteArray requestLine, ForwardCallback done,
                            int timeoutMs, QByteArray data) {
    if (timeoutMs < 0)
        timeoutMs = m_config.forwardTimeoutMs;
    while (requestLine.endsWith('\n') || requestLine.endsWith('\r'))
        requestLine.chop(1);
    if (node == m_setup.self)
        return failLater(std::move(done),
                         {ForwardError::Kind::Refused, node,
                          QStringLiteral("node %1 is this node; nothing to forward").arg(node)});
    const std::optional<QHostAddress> address = m_members.addressOf(node);
    if (!address)
        return failLater(std::move(done),
                         {ForwardError::Kind::UnknownNode, node,
                          QStringLiteral("node %1 is not in the node map").arg(node)});
    if (requestLine.isEmpty() || requestLine.contains('\n'))
        return failLater(std::move(done),
                         {ForwardError::Kind::ProtocolError, node,
                          QStringLiteral("a forwarded request must be one non-empty line")});

    Link &link = linkTo(node, *address);
    const std::uint64_t tag = m_nextTag++;
    Pending pending;
    pending.done = std::move(done);
    pending.timer = new QTimer(this);
    pending.timer->setSingleShot(true);
    connect(pending.timer, &QTimer::timeout, this,
            [this, node, tag, timeoutMs] { timedOut(node, tag, timeoutMs); });
    pending.timer->start(timeoutMs);
    if (link.channel->isOpen()) {
        send(*link.channel, tag, requestLine, data);
        pending.sent = true;
    } else {
        pending.line = std::move(requestLine);
        pending.data = std::move(data);
    }
    link.pending.insert(tag, std::move(pending));
    touch(link);
}

PeerForwarder::Link &PeerForwarder::linkTo(NodeId node, const QHostAddress &address) {
    Link &link = m_links[node];
    if (link.channel)
        return link;
    if (!link.idle) {
        link.idle = new QTimer(this);
        link.idle->setSingleShot(true);
        connect(link.idle, &QTimer::timeout, this, [this, node] {
            Link &l = m_links[node];
            if (l.pending.isEmpty() && l.channel)
                l.channel->close(QStringLiteral("idle"));
        });
    }
    PeerChannel *channel =
        PeerChannel::connectTo(m_setup, node, address, m_config.channelPort, this);
    link.channel = channel;
    connect(channel, &PeerChannel::opened, this, [this, node] { channelOpened(node); });
    connect(channel, &PeerChannel::frameReceived, this,
            [this, node](PeerChannel::FrameType type, std::uint64_t tag,
                         const QByteArray &payload) { frameReceived(node, type, tag, payload); });
    connect(channel, &PeerChannel::closed, this,
            [this, node, channel](ForwardError::Kind kind, const QString &message) {
                channelClosed(node, channel, kind, message);
            });
    return link;
}

void PeerForwarder::send(PeerChannel &channel, std::uint64_t tag, const QByteArray &line,
                         const QByteArray &data) {
    if (data.isEmpty())
        channel.send(PeerChannel::FrameType::Request, tag, line);
    else
        channel.send(PeerChannel::FrameType::DataRequest, tag,
                     PeerChannel::packDataRequest(line, data));
}

void PeerForwarder::touch(Link &link) {
    link.idle->start(m_config.channelIdleMs);
}

void PeerForwarder::channelOpened(NodeId node) {
    Link &link = m_links[node];
    // In the order they were made (tags rise), not the hash's: a request must not overtake
    // one made before it, as it cannot once the channel is open.
    QList<std::uint64_t> waiting;
    for (auto it = link.pending.cbegin(); it != link.pending.cend(); ++it)
        if (!it->sent)
            waiting.append(it.key());
    std::ranges::sort(waiting);
    for (const std::uint64_t tag : std::as_const(waiting)) {
        Pending &p = link.pending[tag];
        send(*link.channel, tag, p.line, p.data);
        p.sent = true;
        p.line.clear();
        p.data.clear();
    }
    touch(link);
}

void PeerForwarder::frameReceived(NodeId node, PeerChannel::FrameType type, std::uint64_t tag,
                                  const QByteArray &payload) {
    Link &link = m_links[node];
    touch(link);
    if (type == PeerChannel::FrameType::Notify) {
        emit notificationReceived(node, payload);
        return;
    }
    auto it = link.pending.find(tag);
    if (it == link.pending.end())
        return; // answered after its timeout: the caller has had its error
    Pending pending = std::move(it.value());
    link.pending.erase(it);
    finish(pending, payload);
}

void PeerForwarder::channelClosed(NodeId node, PeerChannel *channel, ForwardError::Kind kind,
                                  const QString &message) {
    auto found = m_links.find(node);
    if (found == m_links.end() || found->channel != channel)
        return;
    // Requests in flight fail with the channel's reason; an idle close has none.
    QHash<std::uint64_t, Pending> pending = std::move(found->pending);
    found->pending.clear();
    found->channel.clear();
    for (Pending &p : pending)
        finish(p, std::unexpected(ForwardError{kind, node, message}));
}

void PeerForwarder::timedOut(NodeId node, std::uint64_t tag, int timeoutMs) {
    Link &link = m_links[node];
    auto it = link.pending.find(tag);
    if (it == link.pending.end())
        return;
    Pending pending = std::move(it.value());
    link.pending.erase(it);
    const bool connected = link.channel && link.channel->isOpen();
    finish(pending,
           std::unexpected(ForwardError{
               ForwardError::Kind::Timeout, node,
               connected
                   ? QStringLiteral("node %1 did not answer within %2 ms").arg(node).arg(timeoutMs)
                   : QStringLiteral("node %1 could not be reached within %2 ms")
                         .arg(node)
                         .arg(timeoutMs)}));
}

void PeerForwarder::finish(Pending &pending, ForwardResult result) {
    if (pending.timer) {
        pending.timer->stop();
        pending.timer->deleteLater();
        pending.timer = nullptr;
    }
    if (!result)
        qCDebug(lcPeers).noquote()
            << "forwarding to node" << result.error().node << "failed:" << result.error().message;
    if (pending.done)
        pending.done(std::move(result));
}

} // namespace omview::peers
