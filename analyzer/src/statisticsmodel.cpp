#include <QLocale>
#include <algorithm>
#include <cmath>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/statisticsmodel.h>
#include <omview/protocol/memorytext.h>

namespace omview::analyzer {

using store::Metric;

StatisticsModel::StatisticsModel(NodeListModel *nodes, QObject *parent)
    : KExtraColumnsProxyModel(parent)
    , m_nodes(nodes) {
    appendColumn(tr("Samples"));
    appendColumn(tr("Load min"));
    appendColumn(tr("Load avg"));
    appendColumn(tr("Load max"));
    appendColumn(tr("Memory min"));
    appendColumn(tr("Memory avg"));
    appendColumn(tr("Memory max"));
    appendColumn(tr("Memory total"));
    setSourceModel(nodes);
}

NodeId StatisticsModel::nodeOfRow(int row) const {
    return m_nodes->nodeAt(row);
}

void StatisticsModel::setStatistics(NodeId node, const std::optional<store::Stats> &stats) {
    const int row = m_nodes->rowOf(node);
    if (row < 0)
        return;
    const auto same = [](const std::optional<store::Stats> &a,
                         const std::optional<store::Stats> &b) {
        if (a.has_value() != b.has_value())
            return false;
        return !a || (a->samples == b->samples && a->metrics == b->metrics);
    };
    const auto it = m_stats.constFind(node);
    if (it != m_stats.constEnd() && same(*it, stats))
        return;
    m_stats.insert(node, stats);
    const QModelIndex first = index(row, proxyColumnForExtraColumn(0));
    const QModelIndex last = index(row, proxyColumnForExtraColumn(ColumnCount - 1));
    emit dataChanged(first, last, {Qt::DisplayRole, Qt::ToolTipRole, ValueRole, HasDataRole});
}

std::optional<store::Stats> StatisticsModel::statistics(NodeId node) const {
    return m_stats.value(node);
}

void StatisticsModel::clearStatistics() {
    const QList<NodeId> nodes = m_stats.keys();
    for (NodeId node : nodes) {
        if (m_stats.value(node))
            setStatistics(node, std::nullopt);
    }
    m_stats.clear();
}

std::optional<double> StatisticsModel::value(const store::Stats &stats, int extraColumn) const {
    switch (extraColumn) {
    case SamplesColumn:
        return static_cast<double>(stats.samples);
    case LoadMinColumn:
        return stats[Metric::Load].min;
    case LoadAvgColumn:
        return stats[Metric::Load].avg;
    case LoadMaxColumn:
        return stats[Metric::Load].max;
    case MemoryMinColumn:
        return stats[Metric::MemUsed].min;
    case MemoryAvgColumn:
        return stats[Metric::MemUsed].avg;
    case MemoryMaxColumn:
        return stats[Metric::MemUsed].max;
    case MemoryTotalColumn:
        return stats[Metric::MemTotal].max;
    default:
        return std::nullopt;
    }
}

QString StatisticsModel::formatLoad(double load) {
    return tr("%1 %").arg(QLocale().toString(load, 'f', 1));
}

QVariant StatisticsModel::extraColumnData(const QModelIndex &parent, int row, int extraColumn,
                                          int role) const {
    Q_UNUSED(parent);
    const NodeId node = nodeOfRow(row);
    const std::optional<store::Stats> stats = m_stats.value(node);
    switch (role) {
    case NodeIdRole:
        return QVariant::fromValue(node);
    case HasDataRole:
        return stats.has_value();
    case Qt::TextAlignmentRole:
        return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
    default:
        break;
    }
    if (!stats) {
        if (role == Qt::DisplayRole)
            return extraColumn == SamplesColumn ? QStringLiteral("0") : QStringLiteral("–");
        if (role == Qt::ToolTipRole)
            return tr("No samples of %1 in this range").arg(m_nodes->label(node));
        return {};
    }
    const std::optional<double> v = value(*stats, extraColumn);
    if (!v)
        return {};
    switch (role) {
    case ValueRole:
        return *v;
    case Qt::DisplayRole:
        if (extraColumn == SamplesColumn)
            return QLocale().toString(static_cast<qint64>(*v));
        if (extraColumn <= LoadMaxColumn)
            return formatLoad(*v);
        return memoryText(static_cast<std::uint64_t>(std::llround(std::max(0.0, *v))));
    case Qt::ToolTipRole:
        if (extraColumn == SamplesColumn)
            return tr("Seconds with a sample of %1 in the range").arg(m_nodes->label(node));
        if (extraColumn <= LoadMaxColumn)
            return tr("Load: 100 % means every CPU of the node busy");
        return QLocale().toString(*v, 'f', 0) + tr(" bytes");
    default:
        return {};
    }
}

QVariant StatisticsModel::data(const QModelIndex &index, int role) const {
    if (index.isValid() && index.column() < proxyColumnForExtraColumn(0)) {
        if (role == Qt::CheckStateRole)
            return {}; // the picker's check box belongs to the node list
        if (role == NodeIdRole)
            return QVariant::fromValue(nodeOfRow(index.row()));
        if (role == ValueRole)
            return static_cast<double>(nodeOfRow(index.row()));
        if (role == HasDataRole)
            return m_stats.value(nodeOfRow(index.row())).has_value();
    }
    return KExtraColumnsProxyModel::data(index, role);
}

Qt::ItemFlags StatisticsModel::flags(const QModelIndex &index) const {
    return KExtraColumnsProxyModel::flags(index) & ~Qt::ItemIsUserCheckable;
}

QList<QStringList> StatisticsModel::table() const {
    QList<QStringList> out;
    QStringList header;
    for (int column = 0; column < columnCount(); ++column)
        header.append(headerData(column, Qt::Horizontal).toString());
    out.append(header);
    for (int row = 0; row < rowCount(); ++row) {
        QStringList line;
        for (int column = 0; column < columnCount(); ++column)
            line.append(index(row, column).data().toString());
        out.append(line);
    }
    return out;
}

QList<QStringList> StatisticsModel::numbers() const {
    QList<QStringList> out;
    out.append({QStringLiteral("node"), QStringLiteral("name"), QStringLiteral("samples"),
                QStringLiteral("load_min"), QStringLiteral("load_avg"), QStringLiteral("load_max"),
                QStringLiteral("mem_used_min"), QStringLiteral("mem_used_avg"),
                QStringLiteral("mem_used_max"), QStringLiteral("mem_total")});
    for (int row = 0; row < rowCount(); ++row) {
        const NodeId node = nodeOfRow(row);
        QStringList line = {QString::number(node), m_nodes->label(node)};
        const std::optional<store::Stats> stats = m_stats.value(node);
        for (int column = 0; column < ColumnCount; ++column) {
            const std::optional<double> v = stats ? value(*stats, column) : std::nullopt;
            const bool load = column >= LoadMinColumn && column <= LoadMaxColumn;
            line.append(v ? QString::number(*v, 'f', load ? 3 : 0) : QString());
        }
        out.append(line);
    }
    return out;
}

} // namespace omview::analyzer
