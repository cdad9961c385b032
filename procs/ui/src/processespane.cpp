#include <KDescendantsProxyModel>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processespane.h>
#include <omview/procs/processfilterproxymodel.h>
#include <omview/procs/processlistmodel.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

ProcessesPane::ProcessesPane(ClusterProcessModel *processes, QWidget *parent)
    : QWidget(parent)
    , m_flat(new KDescendantsProxyModel(this))
    , m_filter(new ProcessFilterProxyModel(this))
    , m_text(new QLineEdit(this))
    , m_user(new QComboBox(this))
    , m_view(new QTreeView(this)) {
    setObjectName(u"processesPane"_s);
    m_flat->setDisplayAncestorData(false);
    m_flat->setSourceModel(processes);
    m_filter->setSourceModel(m_flat);

    m_text->setObjectName(u"processFilter"_s);
    m_text->setPlaceholderText(tr("Filter processes"));
    m_text->setClearButtonEnabled(true);
    m_text->setWhatsThis(tr("<p>Keeps only the processes whose PID, user, command or command "
                            "line contains this text.</p>"));
    m_user->setObjectName(u"processUser"_s);
    m_user->setWhatsThis(tr("<p>Shows the processes of every user, or of the one chosen.</p>"));
    m_user->addItem(tr("All users"));
    m_view->setObjectName(u"processesView"_s);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->sortByColumn(ProcessListModel::CpuColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setWhatsThis(tr("<p>The columns of the processes pane. Click a header to "
                                      "sort the processes by it, drag it to move the column, "
                                      "drag its edge to resize it.</p>"));
    // Wide enough for every title, in any language, before there is a row.
    for (int column = 0; column < m_view->header()->count(); ++column)
        m_view->header()->resizeSection(
            column, std::max(m_view->header()->sectionSize(column),
                             m_view->header()->sectionSizeHint(column)));
    m_view->setWhatsThis(tr("<p>The processes of the cluster, one row each. <b>Node</b> says "
                            "where a process runs: <i>home</i> on the node it started on, "
                            "else the node it migrated to. A guest is listed by the node it "
                            "runs on, with its home node.</p>"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto *title = new QLabel(tr("Processes"), this);
    bar->addWidget(title);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_user);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &ProcessFilterProxyModel::setText);
    connect(m_user, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setUser(index <= 0 ? std::nullopt
                                     : std::optional<QString>(m_user->itemText(index)));
    });
    // Users come and go with their processes. An update inserts and removes rows in many
    // runs: the drop-down is brought up to date once, after them.
    const auto later = [this] {
        if (m_usersPending)
            return;
        m_usersPending = true;
        QMetaObject::invokeMethod(this, &ProcessesPane::refreshUsers, Qt::QueuedConnection);
    };
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_flat, signal, this, later);
    connect(m_flat, &QAbstractItemModel::modelReset, this, later);
}

ProcessesPane::~ProcessesPane() = default;

void ProcessesPane::refreshUsers() {
    m_usersPending = false;
    QSet<QString> users;
    for (int row = 0; row < m_flat->rowCount(); ++row) {
        const QString user = m_flat->index(row, 0).data(ProcessListModel::UserNameRole).toString();
        if (!user.isEmpty())
            users.insert(user);
    }
    QStringList sorted(users.begin(), users.end());
    sorted.sort();
    QStringList shown;
    for (int i = 1; i < m_user->count(); ++i)
        shown.append(m_user->itemText(i));
    // The one chosen stays while it has no process, so that the choice is not lost.
    if (m_user->currentIndex() > 0 && !sorted.contains(m_user->currentText())) {
        sorted.append(m_user->currentText());
        sorted.sort();
    }
    if (shown == sorted)
        return;
    const QString chosen = m_user->currentIndex() > 0 ? m_user->currentText() : QString();
    const QSignalBlocker block(m_user);
    while (m_user->count() > 1)
        m_user->removeItem(1);
    m_user->addItems(sorted);
    m_user->setCurrentIndex(chosen.isEmpty() ? 0 : m_user->findText(chosen));
}

} // namespace omview::procs
