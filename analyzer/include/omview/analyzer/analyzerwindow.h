// The analyzer's main window (omview-analyzer, or opened from the console):
// an AnalyzerWidget with the File menu: open, print, print preview, export
// PNG/PDF/CSV.
#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <expected>
#include <omview/analyzer/chartdata.h>

class QPrintPreviewDialog;

namespace omview::analyzer {

class AnalyzerWidget;

class AnalyzerWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit AnalyzerWindow(QWidget *parent = nullptr);

    std::expected<void, QString> open(const QString &path);
    AnalyzerWidget *analyzer() const { return m_analyzer; }

    // Opens the print preview (non-modal; it deletes itself when closed).
    QPrintPreviewDialog *showPrintPreview();

signals:
    void historyRequested(omview::analyzer::NodeId node, const QDateTime &at);

private:
    void buildMenus();
    void chooseFile();
    void exportAs(const QString &filter, const QString &suffix);
    void printCharts();
    void report(const std::expected<void, QString> &result, const QString &what);

    AnalyzerWidget *m_analyzer;
};

} // namespace omview::analyzer
