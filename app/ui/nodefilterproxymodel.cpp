#include "nodeindex.h"

#include <omview/console/nodefilterproxymodel.h>
#include <omview/console/nodetablemodel.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

// Natural order, so that 10.0.0.2 comes before 10.0.0.10 and node9 before node10: runs of
// digits compare as numbers, everything else case-insensitively. (QCollator's numeric mode
// depends on the locale's backend, and the C locale has none.)
int naturalCompare(QStringView a, QStringView b) {
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            QStringView na = a.sliced(i, ei - i), nb = b.sliced(j, ej - j);
            while (na.size() > 1 && na.front() == u'0')
                na = na.sliced(1);
            while (nb.size() > 1 && nb.front() == u'0')
                nb = nb.sliced(1);
            if (na.size() != nb.size())
                return na.size() < nb.size() ? -1 : 1;
            if (const int c = na.compare(nb); c != 0)
                return c;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

} // namespace

NodeFilterProxyModel::NodeFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void NodeFilterProxyModel::setFilterText(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void NodeFilterProxyModel::setStateFilter(StateFilter state) {
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

bool NodeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (nodeindex::isCluster(index))
        return true;
    if (m_state != StateFilter::Any) {
        const auto state = nodeindex::state(index);
        const bool wanted =
            (m_state == StateFilter::Up && state == NodeTableModel::NodeState::Up) ||
            (m_state == StateFilter::Down && state == NodeTableModel::NodeState::Down) ||
            (m_state == StateFilter::Unknown && state == NodeTableModel::NodeState::Unknown);
        if (!wanted)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const QString id = index.data(NodeTableModel::NodeIdRole).toString();
    return id == m_text ||
           index.data(NodeTableModel::AddressRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive) ||
           index.data(NodeTableModel::HostnameRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

bool NodeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const auto compare = [&](int role) {
        const QVariant a = left.data(role);
        const QVariant b = right.data(role);
        return QVariant::compare(a, b) == QPartialOrdering::Less;
    };
    const auto tieBreak = [&] {
        return left.data(NodeTableModel::NodeIdRole).toUInt() <
               right.data(NodeTableModel::NodeIdRole).toUInt();
    };
    int role = NodeTableModel::NodeIdRole;
    switch (left.column()) {
    case NodeTableModel::AddressColumn: {
        const int order = naturalCompare(left.data(NodeTableModel::AddressRole).toString(),
                                         right.data(NodeTableModel::AddressRole).toString());
        return order != 0 ? order < 0 : tieBreak();
    }
    case NodeTableModel::SpeedColumn:
        role = NodeTableModel::SpeedRole;
        break;
    case NodeTableModel::LoadColumn:
        role = NodeTableModel::LoadFractionRole;
        break;
    case NodeTableModel::MemUsedColumn:
        role = NodeTableModel::MemUsedRole;
        break;
    case NodeTableModel::MemTotalColumn:
        role = NodeTableModel::MemTotalRole;
        break;
    case NodeTableModel::CpusColumn:
        role = NodeTableModel::CpusRole;
        break;
    default:
        return tieBreak();
    }
    if (compare(role))
        return true;
    if (QVariant::compare(left.data(role), right.data(role)) == QPartialOrdering::Greater)
        return false;
    return tieBreak();
}

QVariant NodeFilterProxyModel::data(const QModelIndex &index, int role) const {
    if (role == Qt::WhatsThisRole && index.isValid())
        return whatsThis(index.column());
    return QSortFilterProxyModel::data(index, role);
}

Qt::ItemFlags NodeFilterProxyModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QSortFilterProxyModel::flags(index);
    if (index.isValid() && index.column() == NodeTableModel::SpeedColumn &&
        !nodeindex::isCluster(index))
        f |= Qt::ItemIsEditable;
    return f;
}

QString NodeFilterProxyModel::whatsThis(int column) {
    switch (column) {
    case NodeTableModel::IdColumn:
        return tr("<p><b>ID and state.</b> The node's openMosix ID with its lamp: green when the "
                  "node is up, red when it is down (not heard from, or openMosix stopped on "
                  "it), grey when its state is unknown (never heard from, or the console is not "
                  "connected). The first row is the whole cluster.</p>");
    case NodeTableModel::AddressColumn:
        return tr("<p><b>Node.</b> The node's address and host name. Click the button (or press "
                  "Enter) to open the node's settings; on the cluster row, <i>All nodes</i> "
                  "opens the settings of every node at once.</p>");
    case NodeTableModel::SpeedColumn:
        return tr("<p><b>Speed.</b> The node's speed (10000 is the standard processor; the "
                  "balancer sends more work to faster nodes). Drag the slider to change it: the "
                  "new value shows at once and goes back, with a message in the status bar, if "
                  "the node refuses it. The scale is logarithmic; press F2 to type an exact "
                  "value.</p><p>On the cluster row: the <b>load-balancing efficiency</b>, 100 % "
                  "when every node that is up carries the same load per CPU.</p>");
    case NodeTableModel::LoadColumn:
        return tr("<p><b>Load.</b> The node's load as a share of its CPUs (100 % = every CPU "
                  "busy with one standard process); on the cluster row, over all CPUs. The bar "
                  "turns red above the warning threshold.</p>");
    case NodeTableModel::MemUsedColumn:
        return tr("<p><b>Used memory.</b> Memory in use (total minus available). The bar turns "
                  "red above the warning threshold.</p>");
    case NodeTableModel::MemTotalColumn:
        return tr("<p><b>Memory.</b> The node's physical memory; on the cluster row, the "
                  "sum.</p>");
    case NodeTableModel::CpusColumn:
        return tr("<p><b>CPUs.</b> The node's CPUs; on the cluster row, the sum.</p>");
    default:
        break;
    }
    return {};
}

} // namespace omview
