// Shared pieces of the peer tests: a test key, loopback node maps on
// 127.0.x.y addresses (all of 127/8 is loopback on Linux) and free ports.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <omview/peers/clusterkey.h>
#include <omview/peers/nodemap.h>

namespace omview::peers::test {

inline ClusterKey key(char fill = 'k') {
    return *ClusterKey::fromSecret(QByteArray(48, fill));
}

// "1 127.0.X.1 N": N nodes with IDs 1..N on 127.0.X.1 .. 127.0.X.N.
inline NodeMap loopbackMap(int subnet, int count) {
    const QByteArray text = QByteArray("1 127.0.") + QByteArray::number(subnet) + ".1 " +
                            QByteArray::number(count) + '\n';
    return *NodeMap::parse(text);
}

inline QHostAddress nodeAddress(int subnet, int id) {
    return QHostAddress(QStringLiteral("127.0.%1.%2").arg(subnet).arg(id));
}

// A port free for UDP and TCP on every address of 127.0.subnet.1..count.
inline quint16 freePort(int subnet, int count) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        QUdpSocket probe;
        if (!probe.bind(nodeAddress(subnet, 1), 0))
            continue;
        const quint16 port = probe.localPort();
        probe.close();
        bool free = true;
        for (int id = 1; id <= count && free; ++id) {
            QUdpSocket u;
            QTcpServer t;
            free = u.bind(nodeAddress(subnet, id), port) && t.listen(nodeAddress(subnet, id), port);
        }
        if (free)
            return port;
    }
    return 0;
}

// The error of @e as text for a test message; empty when there is none (QVERIFY2
// evaluates its message even when the check passes).
inline QByteArray why(const std::expected<void, QString> &e) {
    return e ? QByteArray() : e.error().toUtf8();
}
template<class T> QByteArray why(const std::expected<T, QString> &e) {
    return e ? QByteArray() : e.error().toUtf8();
}
template<class T> QByteArray why(const std::expected<T, MapError> &e) {
    return e ? QByteArray() : e.error().toString().toUtf8();
}

} // namespace omview::peers::test
