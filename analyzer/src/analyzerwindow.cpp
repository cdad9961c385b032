#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStatusBar>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>

namespace omview::analyzer {

AnalyzerWindow::AnalyzerWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_analyzer(new AnalyzerWidget(this)) {
    setWindowTitle(tr("omview analyzer"));
    setCentralWidget(m_analyzer);
    connect(m_analyzer, &AnalyzerWidget::historyRequested, this, &AnalyzerWindow::historyRequested);
    connect(m_analyzer, &AnalyzerWidget::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    buildMenus();
    resize(1280, 860);
}

void AnalyzerWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open database…"), this, &AnalyzerWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *print = file->addAction(tr("&Print…"), this, &AnalyzerWindow::printCharts);
    print->setShortcut(QKeySequence::Print);
    file->addAction(tr("Print pre&view…"), this, [this] { showPrintPreview(); });
    file->addSeparator();
    file->addAction(tr("Export as P&NG…"), this,
                    [this] { exportAs(tr("PNG images (*.png)"), QStringLiteral("png")); });
    file->addAction(tr("Export as P&DF…"), this,
                    [this] { exportAs(tr("PDF documents (*.pdf)"), QStringLiteral("pdf")); });
    file->addAction(tr("Export as &CSV…"), this,
                    [this] { exportAs(tr("CSV files (*.csv)"), QStringLiteral("csv")); });
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
}

std::expected<void, QString> AnalyzerWindow::open(const QString &path) {
    auto done = m_analyzer->open(path);
    if (done) {
        setWindowTitle(tr("%1 — omview analyzer").arg(QFileInfo(path).fileName()));
        statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    }
    return done;
}

void AnalyzerWindow::chooseFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a collector database"), QString(),
                                     tr("Collector databases (*.db *.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto done = open(path); !done)
        QMessageBox::warning(this, tr("Cannot open the database"), done.error());
}

void AnalyzerWindow::report(const std::expected<void, QString> &result, const QString &what) {
    if (result)
        statusBar()->showMessage(what, 5000);
    else
        QMessageBox::warning(this, tr("Export failed"), result.error());
}

void AnalyzerWindow::exportAs(const QString &filter, const QString &suffix) {
    QFileDialog dialog(this, tr("Export the charts"), QString(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().first();
    if (suffix == u"png") {
        report(m_analyzer->exportPng(path), tr("Wrote %1").arg(path));
    } else if (suffix == u"pdf") {
        report(m_analyzer->exportPdf(path), tr("Wrote %1").arg(path));
    } else {
        auto files = m_analyzer->exportCsv(path);
        report(files ? std::expected<void, QString>{} : std::unexpected(files.error()),
               files ? tr("Wrote %1").arg(files->join(QStringLiteral(", "))) : QString());
    }
}

void AnalyzerWindow::printCharts() {
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    report(m_analyzer->print(printer), tr("Sent to the printer"));
}

QPrintPreviewDialog *AnalyzerWindow::showPrintPreview() {
    auto *dialog = new QPrintPreviewDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print preview — omview analyzer"));
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *printer) {
        if (auto done = m_analyzer->print(*printer); !done)
            statusBar()->showMessage(done.error(), 10000);
    });
    dialog->resize(900, 1000);
    dialog->open();
    return dialog;
}

} // namespace omview::analyzer
