#include "nodeselect.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>

namespace omview::cli {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("cli", text); }
} // namespace

std::expected<NodeId, QString> parseNodeId(const QString &text)
{
    bool ok = false;
    const uint id = text.toUInt(&ok);
    if (!ok || id < 1 || id > 65535)
        return std::unexpected(tr("'%1' is not a node ID (1..65535)").arg(text));
    return id;
}

std::expected<const NodeRecord *, QString> selectNode(const QList<NodeRecord> &nodes,
                                                      const QString &text)
{
    const auto byAddress = [&](const QHostAddress &a) -> const NodeRecord * {
        for (const NodeRecord &r : nodes)
            if (QHostAddress(r.node.address).isEqual(a, QHostAddress::TolerantConversion))
                return &r;
        return nullptr;
    };
    if (const auto id = parseNodeId(text)) {
        for (const NodeRecord &r : nodes)
            if (r.node.id == *id)
                return &r;
        return std::unexpected(tr("node %1 is not in the cluster").arg(*id));
    }
    if (QHostAddress address; address.setAddress(text)) {
        if (const NodeRecord *r = byAddress(address))
            return r;
        return std::unexpected(tr("no node has the address %1").arg(text));
    }
    for (const NodeRecord &r : nodes)
        if (r.node.hostname == text)
            return &r;
    const QHostInfo info = QHostInfo::fromName(text);
    if (info.error() != QHostInfo::NoError)
        return std::unexpected(tr("cannot resolve %1: %2").arg(text, info.errorString()));
    for (const QHostAddress &a : info.addresses())
        if (const NodeRecord *r = byAddress(a))
            return r;
    return std::unexpected(tr("%1 is not a node of the cluster").arg(text));
}

QString describeStatus(const NodeStatus &node)
{
    const auto yesNo = [&](std::uint32_t bit) {
        return (node.status & bit) ? tr("yes") : tr("no");
    };
    QStringList lines;
    lines << tr("This is openMosix #%1 (%2)").arg(node.id).arg(node.address);
    lines << tr("Status: %1").arg((node.status & StatusUp) ? tr("up") : tr("down"));
    lines << tr("Stay: %1").arg(yesNo(StatusStay));
    lines << tr("Local stay: %1").arg(yesNo(StatusLstay));
    lines << tr("Block: %1").arg(yesNo(StatusBlock));
    lines << tr("Quiet: %1").arg(yesNo(StatusQuiet));
    return lines.join(QLatin1Char('\n'));
}

} // namespace omview::cli
