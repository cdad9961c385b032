#include "nodemap.h"

#include <cerrno>

namespace omview::hpc {

NodeMap::NodeMap()
    : m_map(std::make_shared<const hpc_map>()) {}

NodeMap::NodeMap(std::shared_ptr<const hpc_map> map)
    : m_map(std::move(map)) {}

std::expected<NodeMap, HpcError> NodeMap::parse(const QByteArray &text) {
    const QString file = QStringLiteral("admin/config");
    if (text.size() > maxTextBytes)
        return std::unexpected(HpcError{
            EINVAL, file,
            QStringLiteral("config: %1 bytes, more than %2").arg(text.size()).arg(maxTextBytes)});
    auto map = std::make_shared<hpc_map>();
    const hpc_map_result r = hpc_map_parse(map.get(), text.constData(), size_t(text.size()));
    if (r.error != HPC_MAP_OK)
        return std::unexpected(HpcError{EINVAL, file,
                                        QStringLiteral("config line %1: %2")
                                            .arg(r.line)
                                            .arg(QLatin1StringView(hpc_map_strerror(r.error))),
                                        r.line});
    return NodeMap(std::move(map));
}

QString NodeMap::text() const {
    const size_t need = hpc_map_print(m_map.get(), nullptr, 0);
    QByteArray buf(qsizetype(need + 1), Qt::Uninitialized);
    hpc_map_print(m_map.get(), buf.data(), size_t(buf.size()));
    buf.resize(qsizetype(need));
    return QString::fromLatin1(buf);
}

bool NodeMap::contains(NodeId id) const {
    hpc_addr a;
    return hpc_map_addr_of(m_map.get(), id, &a) == 0;
}

QString NodeMap::address(NodeId id) const {
    hpc_addr a;
    if (hpc_map_addr_of(m_map.get(), id, &a) != 0)
        return {};
    char buf[HPC_ADDR_STRLEN];
    const size_t n = hpc_addr_print(&a, buf, sizeof buf);
    return QString::fromLatin1(buf, qsizetype(n));
}

QList<NodeId> NodeMap::ids() const {
    QList<NodeId> out;
    out.reserve(qsizetype(hpc_map_nodes(m_map.get())));
    hpc_map_for_each(
        m_map.get(),
        [](void *ctx, u32 id, const hpc_addr *) {
            static_cast<QList<NodeId> *>(ctx)->append(id);
            return 0;
        },
        &out);
    return out;
}

} // namespace omview::hpc
