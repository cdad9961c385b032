#include <omview/peers/nodemap.h>

extern "C" {
#include <hpc/map.h>
}

#include <QHash>
#include <cstring>

namespace omview::peers {

namespace {

bool toHpc(const QHostAddress &address, hpc_addr *out) {
    QHostAddress plain = address;
    bool v4 = false;
    const quint32 ipv4 = address.toIPv4Address(&v4);
    if (v4)
        plain = QHostAddress(ipv4);
    plain.setScopeId({}); // the map holds no zones
    const QByteArray text = plain.toString().toLatin1();
    return !text.isEmpty() && hpc_addr_parse(text.constData(), size_t(text.size()), out) == 0;
}

QHostAddress fromHpc(const hpc_addr &a) {
    if (a.family == 4)
        return QHostAddress(quint32(a.bytes[0]) << 24 | quint32(a.bytes[1]) << 16 |
                            quint32(a.bytes[2]) << 8 | a.bytes[3]);
    Q_IPV6ADDR v6;
    std::memcpy(v6.c, a.bytes, 16);
    return QHostAddress(v6);
}

int collect(void *ctx, u32 id, const hpc_addr *a) {
    static_cast<QList<NodeMap::Node> *>(ctx)->append({id, fromHpc(*a)});
    return 0;
}

} // namespace

QString MapError::toString() const {
    if (!file.isEmpty())
        return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                        : QStringLiteral("%1: %2").arg(file, message);
    return line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(message) : message;
}

NodeMap::NodeMap()
    : m_map(std::make_shared<hpc_map>()) {}

std::expected<NodeMap, MapError> NodeMap::parse(QByteArrayView text) {
    auto map = std::make_shared<hpc_map>();
    const hpc_map_result r = hpc_map_parse(map.get(), text.data(), size_t(text.size()));
    if (r.error != HPC_MAP_OK)
        return std::unexpected(
            MapError{int(r.line), QString::fromLatin1(hpc_map_strerror(r.error)), {}});
    NodeMap result;
    hpc_map_for_each(map.get(), collect, &result.m_nodes);
    result.m_map = std::move(map);
    return result;
}

std::expected<NodeMap, MapError> NodeMap::fromNodes(const QList<Node> &nodes) {
    QByteArray text;
    for (const Node &n : nodes)
        text += QByteArray::number(n.id) + ' ' + plainAddressText(n.address) + " 1\n";
    return parse(text);
}

QByteArray NodeMap::plainAddressText(const QHostAddress &address) {
    hpc_addr a{};
    if (!toHpc(address, &a))
        return address.toString().toLatin1(); // the parser names the line
    char buf[HPC_ADDR_STRLEN];
    const size_t n = hpc_addr_print(&a, buf, sizeof buf);
    return QByteArray(buf, qsizetype(n));
}

std::optional<QHostAddress> NodeMap::addressOf(NodeId id) const {
    hpc_addr a{};
    if (id == 0 || hpc_map_addr_of(m_map.get(), id, &a) != 0)
        return std::nullopt;
    return fromHpc(a);
}

NodeId NodeMap::idOf(const QHostAddress &address) const {
    hpc_addr a{};
    if (!toHpc(address, &a))
        return 0;
    return hpc_map_id_of(m_map.get(), &a);
}

QByteArray NodeMap::text() const {
    QByteArray buf(4096, Qt::Uninitialized);
    size_t need = hpc_map_print(m_map.get(), buf.data(), size_t(buf.size()));
    if (need >= size_t(buf.size())) {
        buf.resize(qsizetype(need) + 1);
        need = hpc_map_print(m_map.get(), buf.data(), size_t(buf.size()));
    }
    buf.truncate(qsizetype(need));
    return buf;
}

std::expected<NodeId, QString> NodeMap::localNode(const QList<QHostAddress> &localAddresses) const {
    QList<NodeId> found;
    for (const QHostAddress &a : localAddresses) {
        const NodeId id = idOf(a);
        if (id != 0 && !found.contains(id))
            found.append(id);
    }
    if (found.isEmpty())
        return std::unexpected(QStringLiteral("none of this host's addresses is in the node map"));
    if (found.size() > 1) {
        QStringList ids;
        for (NodeId id : found)
            ids << QString::number(id);
        return std::unexpected(
            QStringLiteral("this host's addresses belong to several nodes of the map (%1)")
                .arg(ids.join(QStringLiteral(", "))));
    }
    return found.front();
}

bool NodeMap::operator==(const NodeMap &other) const {
    return m_nodes == other.m_nodes && text() == other.text();
}

NodeId autoId(const QHostAddress &address) {
    hpc_addr a{};
    if (!toHpc(address, &a))
        return 0;
    return hpc_addr_auto_id(&a);
}

} // namespace omview::peers
