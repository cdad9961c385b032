#include "logging.h"

#include <QInputDialog>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>
#include <omview/console/childwindow.h>
#include <omview/console/collectorcontrol.h>
#include <omview/console/lamp.h>
#include <omview/console/mainwindow.h>
#include <omview/console/savehistorydialog.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>

using namespace Qt::StringLiterals;

// MainWindow's collector: its lamp and actions, and the analyzer and history windows.
namespace omview {

// ---- collector

analyzer::AnalyzerWindow *MainWindow::analyzerWindow() const {
    return m_analyzer;
}

history::HistoryWindow *MainWindow::historyWindow() const {
    return m_history;
}

analyzer::AnalyzerWindow *MainWindow::showAnalyzer() {
    const QString database = m_collector->historyDatabase();
    if (database.isEmpty()) {
        showMessage(tr("No collector database known: start the collector first"));
        return nullptr;
    }
    auto *shown = openChildWindow(
        m_analyzer,
        [this] {
            auto *window = new analyzer::AnalyzerWindow(this);
            connect(window, &analyzer::AnalyzerWindow::historyRequested, this,
                    &MainWindow::showHistoryMoment);
            return window;
        },
        [this, &database](analyzer::AnalyzerWindow &window, bool fresh) {
            const analyzer::AnalyzerSession *open = window.analyzer()->session();
            if (!fresh && open && open->path() == database)
                return true;
            const auto opened = window.open(database);
            if (!opened)
                showError(tr("Analyzer"), opened.error());
            return opened.has_value();
        });
    if (shown)
        showMessage(tr("Analyzer on %1").arg(database));
    return shown;
}

history::HistoryWindow *MainWindow::showHistory() {
    const QString database = m_collector->historyDatabase();
    if (database.isEmpty()) {
        showMessage(tr("No collector database known: start the collector first"));
        return nullptr;
    }
    return openHistory(database);
}

history::HistoryWindow *MainWindow::openHistory(const QString &database) {
    return openChildWindow(
        m_history, [this] { return new history::HistoryWindow(this); },
        [this, &database](history::HistoryWindow &window, bool fresh) {
            if (!fresh && window.session()->path() == database)
                return true;
            const auto opened = window.openDatabase(database);
            if (!opened)
                showError(tr("History"), opened.error());
            return opened.has_value();
        });
}

void MainWindow::showHistoryMoment(store::NodeId node, const QDateTime &at) {
    // The moment belongs to the database the analyzer shows, which its File → Open may have
    // changed from the collector's.
    const analyzer::AnalyzerSession *shown =
        m_analyzer ? m_analyzer->analyzer()->session() : nullptr;
    const QString database = shown ? shown->path() : m_collector->historyDatabase();
    if (database.isEmpty())
        return;
    if (history::HistoryWindow *window = openHistory(database))
        window->showMoment(node, at);
}

void MainWindow::onCollectorState() {
    switch (m_collector->state()) {
    case CollectorControl::State::Running:
        m_collectorLamp->setState(LampColor::up(), tr("Collector on"));
        break;
    case CollectorControl::State::Starting:
        m_collectorLamp->setState(LampColor::busy(), tr("Collector starting"));
        break;
    case CollectorControl::State::Stopping:
        m_collectorLamp->setState(LampColor::busy(), tr("Collector stopping"));
        break;
    case CollectorControl::State::Stopped:
        m_collectorLamp->setState(LampColor::down(), tr("Collector off"));
        break;
    case CollectorControl::State::Unknown:
        m_collectorLamp->setState(LampColor::unknown(), tr("Collector ?"));
        break;
    }
    m_collectorLamp->setToolTip(m_collector->status()
                                    ? tr("omcollectord (pid %1) writing %2")
                                          .arg(m_collector->status()->pid)
                                          .arg(m_collector->status()->database)
                                    : tr("Control socket %1").arg(m_collector->controlSocket()));
    updateActions();
}

void MainWindow::startCollector() {
    m_collector->start(m_session ? m_session->profile() : ConnectionProfile::localSocket());
}

void MainWindow::askCheckpoint() {
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"checkpointDialog"_s);
    dialog->setWindowTitle(tr("Checkpoint"));
    dialog->setLabelText(tr("Label of the checkpoint (what happens now):"));
    dialog->setTextValue(QString());
    dialog->setOkButtonText(tr("Set Checkpoint"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &label) {
        if (label.trimmed().isEmpty()) {
            showMessage(tr("No checkpoint set: the label is empty"));
            return;
        }
        m_collector->checkpoint(label);
    });
    dialog->open();
}

void MainWindow::askSaveHistory() {
    auto *dialog = new SaveHistoryDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_collector->saveHistory(dialog->from().toSecsSinceEpoch(), dialog->to().toSecsSinceEpoch(),
                                 dialog->file(), dialog->format());
        showMessage(tr("Saving the history to %1…").arg(dialog->file()));
    });
    dialog->open();
}

} // namespace omview
